package io.mcpconfig.console.internal;

import io.mcpconfig.console.internal.auth.AccessDeniedException;
import io.mcpconfig.console.internal.auth.Authenticator;
import io.mcpconfig.console.internal.auth.InvalidTokenException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Every request but the public ones (login, static assets, the OpenAPI document) needs a caller:
 * the API answers 401/403 as problem+json, pages send the browser to the login.
 */
public final class AuthFilter extends HttpFilter {
    public static final String CALLER = "mcpconsole.caller";

    private final Authenticator authenticator;

    public AuthFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public static Authenticator.Caller caller(HttpServletRequest request) {
        return (Authenticator.Caller) request.getAttribute(CALLER);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        if (isPublic(path)) {
            chain.doFilter(request, response);
            return;
        }
        boolean api = path.startsWith("/api/");
        Optional<Authenticator.Caller> caller;
        try {
            caller = authenticator.authenticate(request);
        } catch (InvalidTokenException e) {
            Problems.write(response, 401, "invalid bearer token: " + e.getMessage());
            return;
        } catch (AccessDeniedException e) {
            Problems.write(response, 403, e.getMessage());
            return;
        }
        if (caller.isEmpty()) {
            if (api || !request.getMethod().equals("GET")) {
                Problems.write(response, 401, "log in or send 'Authorization: Bearer <JWT>'");
            } else {
                String back = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.sendRedirect("/login?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
            }
            return;
        }
        request.setAttribute(CALLER, caller.get());
        chain.doFilter(request, response);
    }

    static boolean isPublic(String path) {
        return path.equals("/login") || path.startsWith("/login/") || path.equals("/logout")
                || path.startsWith("/webjars/") || path.startsWith("/console/")
                || path.equals("/api/openapi.json") || path.equals("/api/docs") || path.equals("/favicon.ico");
    }
}
