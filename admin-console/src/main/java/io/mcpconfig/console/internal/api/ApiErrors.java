package io.mcpconfig.console.internal.api;

import io.mcpconfig.admin.AdminException;
import io.mcpconfig.admin.ConflictException;
import io.mcpconfig.admin.NotFoundException;
import io.mcpconfig.admin.Problem;
import io.mcpconfig.admin.ValidationException;
import io.mcpconfig.console.internal.Problems;
import io.mcpconfig.console.internal.Requests;
import io.mcpconfig.console.internal.auth.AccessDeniedException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The library's and the console's exceptions as problem+json, one mapping for every API route. */
final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    static void write(Exception e, HttpServletResponse response) throws IOException {
        if (e instanceof ValidationException v) {
            Problems.write(response, 422, v.getMessage(), fields(v.problems()), null);
        } else if (e instanceof ConflictException c) {
            Object current = c.currentItem() != null ? c.currentItem() : c.currentOrg();
            if (c.currentItem() != null) {
                response.setHeader("ETag", Requests.etag(c.currentItem().version()));
            }
            Problems.write(response, 409, c.getMessage(), List.of(), current);
        } else if (e instanceof NotFoundException) {
            Problems.write(response, 404, e.getMessage());
        } else if (e instanceof AccessDeniedException) {
            Problems.write(response, 403, e.getMessage());
        } else if (e instanceof Requests.BadRequest b) {
            Problems.write(response, 400, b.getMessage(), List.of(new Problems.FieldProblem(b.field(), b.getMessage(), null)), null);
        } else if (e instanceof AdminException || e instanceof IllegalArgumentException) {
            Problems.write(response, 400, e.getMessage());
        } else {
            LOG.error("API request failed", e);
            Problems.write(response, 500, "the console failed: " + e);
        }
    }

    static List<Problems.FieldProblem> fields(List<Problem> problems) {
        return problems.stream().map(p -> new Problems.FieldProblem(p.field() == null ? "body" : p.field(),
                p.toString(), p.line() > 0 ? p.line() : null)).toList();
    }
}
