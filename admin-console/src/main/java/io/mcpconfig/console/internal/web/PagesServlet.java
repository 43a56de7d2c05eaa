package io.mcpconfig.console.internal.web;

import io.mcpconfig.admin.AdminException;
import io.mcpconfig.admin.ConflictException;
import io.mcpconfig.admin.NotFoundException;
import io.mcpconfig.admin.ValidationException;
import io.mcpconfig.console.internal.ControlPlane;
import io.mcpconfig.console.internal.Requests;
import io.mcpconfig.console.internal.Routes;
import io.mcpconfig.console.internal.auth.AccessDeniedException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's pages (server-rendered, htmx for the parts that change in place). Errors of an
 * htmx request come back as a fragment with {@code role="alert"} in the place the request targets.
 */
public final class PagesServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(PagesServlet.class);

    private final Html html;
    private final Routes routes = new Routes();

    public PagesServlet(ControlPlane plane, Html html, Supplier<Map<String, Object>> status) {
        this.html = html;
        new ScopePages(plane, html).register(routes);
        new EditPages(plane, html).register(routes);
        new HistoryPages(plane, html).register(routes);
        new AuditPages(plane, html).register(routes);
        new BundlePages(plane, html).register(routes);
        routes.add("GET", "/status", (q, r, p) -> {
            Map<String, Object> page = Page.of(q, "Status", "Status");
            page.putAll(status.get());
            html.write(r, 200, "status", page);
        });
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!routes.dispatch(request.getRequestURI(), request, response)) {
                error(request, response, 404, "Not found", "no page " + request.getRequestURI(), List.of(), null);
            }
        } catch (ValidationException e) {
            error(request, response, 422, "Not saved", e.getMessage(),
                    e.problems().stream().map(p -> Map.<String, Object>of("field", p.field() == null ? "" : p.field(),
                            "line", p.line() > 0 ? p.line() : "", "reason", p.reason())).toList(), null);
        } catch (ConflictException e) {
            error(request, response, 409, "Not saved: someone else changed it", e.getMessage(), List.of(), e.currentVersion());
        } catch (AccessDeniedException e) {
            error(request, response, 403, "Not allowed", e.getMessage(), List.of(), null);
        } catch (NotFoundException e) {
            error(request, response, 404, "Not found", e.getMessage(), List.of(), null);
        } catch (Requests.BadRequest e) {
            error(request, response, 400, "Bad input", e.field() + ": " + e.getMessage(), List.of(), null);
        } catch (AdminException | IllegalArgumentException e) {
            error(request, response, 400, "Bad input", e.getMessage(), List.of(), null);
        } catch (Exception e) {
            LOG.error("page {} failed", request.getRequestURI(), e);
            error(request, response, 500, "The console failed", e.toString(), List.of(), null);
        }
    }

    private void error(HttpServletRequest request, HttpServletResponse response, int status, String heading, String detail,
                       List<Map<String, Object>> problems, Object current) throws IOException {
        Map<String, Object> page = new java.util.HashMap<>();
        if (request.getAttribute(io.mcpconfig.console.internal.AuthFilter.CALLER) != null) {
            page.putAll(Page.of(request, heading, null));
        }
        page.put("title", heading);
        page.put("heading", heading);
        page.put("detail", detail);
        page.put("problems", problems);
        page.put("current", current);
        html.write(response, status, request.getHeader("HX-Request") != null ? "error-fragment" : "error", page);
    }
}
