package io.mcpconfig.mcp.internal;

import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * The one servlet on {@code /mcp}: checks Host/Origin, then the bearer token, on EVERY request (a
 * session id alone proves nothing), and hands the request to the token's organization's endpoint.
 * A session of org A used with org B's token reaches B's endpoint, which does not know it: 404,
 * and nothing of A or B is revealed. Stateless and thread-safe.
 */
public final class RouterServlet extends HttpServlet {
    private static final String REALM = "Bearer realm=\"mcp-config\"";

    private final transient ServerHttpHeaderValidator hostAndOrigin;
    private final transient TokenVerifier tokens;
    private final transient OrgEndpoints endpoints;
    private final transient McpMetrics metrics;

    public RouterServlet(ServerHttpHeaderValidator hostAndOrigin, TokenVerifier tokens, OrgEndpoints endpoints, McpMetrics metrics) {
        this.hostAndOrigin = hostAndOrigin;
        this.tokens = tokens;
        this.endpoints = endpoints;
        this.metrics = metrics;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        MeteredExchange exchange = new MeteredExchange(metrics, request, response);
        try {
            route(exchange, exchange.request(), exchange.response());
        } finally {
            exchange.finish();
        }
    }

    private void route(MeteredExchange exchange, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        // Before the token: a rebinding page learns nothing, not even whether a token is needed.
        try {
            hostAndOrigin.validate(headers(request));
        } catch (ServerTransportSecurityException e) {
            response.sendError(e.getStatusCode(), e.getMessage());
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            unauthorized(response, REALM, "a bearer token is required");
            return;
        }
        String org;
        try {
            org = tokens.orgOf(authorization.substring(7).trim());
        } catch (TokenVerifier.InvalidTokenException e) {
            unauthorized(response, REALM + ", error=\"invalid_token\", error_description=\"" + quotable(e.getMessage()) + "\"",
                    "invalid token: " + e.getMessage());
            return;
        }
        exchange.readMethod(); // only now: an unauthenticated caller's body is never read
        endpoints.servletFor(org).service(request, response);
    }

    private static void unauthorized(HttpServletResponse response, String challenge, String message) throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, message);
    }

    private static String quotable(String s) {
        return s == null ? "" : s.replaceAll("[\"\\\\\\r\\n]", "'");
    }

    private static HeaderAccessor headers(HttpServletRequest request) {
        return new HeaderAccessor() {
            @Override
            public List<String> getHeader(String name) {
                return Collections.list(request.getHeaders(name));
            }

            @Override
            public List<String> getHeaderNames() {
                return Collections.list(request.getHeaderNames());
            }
        };
    }
}
