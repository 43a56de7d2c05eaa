package io.mcpconfig.console.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors of the API as RFC 9457 {@code application/problem+json}: a title per status, the detail
 * in words, and for bad input the field(s) at fault ({@code problems: [{field, reason, line}]}).
 */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One thing wrong with the input: the field, why, and the template line when there is one. */
    public record FieldProblem(String field, String reason, Integer line) {}

    private Problems() {}

    public static void write(HttpServletResponse response, int status, String detail) throws IOException {
        write(response, status, detail, List.of(), null);
    }

    public static void write(HttpServletResponse response, int status, String detail, List<FieldProblem> problems,
                             Object current) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail);
        if (!problems.isEmpty()) {
            body.put("field", problems.get(0).field());
            body.put("problems", problems);
        }
        if (current != null) {
            body.put("current", current);
        }
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("utf-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        Json.MAPPER.writeValue(response.getOutputStream(), body);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Not authenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 412 -> "Precondition failed";
            case 415 -> "Unsupported media type";
            case 422 -> "Invalid content";
            case 428 -> "Precondition required";
            default -> status >= 500 ? "Server error" : "Error";
        };
    }
}
