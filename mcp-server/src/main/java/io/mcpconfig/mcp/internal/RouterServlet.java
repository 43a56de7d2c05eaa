package io.mcpconfig.mcp.internal;

import io.mcpconfig.mcp.AuthorizationConfig;
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
 * The one servlet on {@code /mcp} (and on the protected-resource metadata paths): checks
 * Host/Origin, then the bearer token, on EVERY request (a session id alone proves nothing), and
 * hands the request to the token's organization's endpoint. A session of org A used with org B's
 * token reaches B's endpoint, which does not know it: 404, and nothing of A or B is revealed.
 * A 401 names the metadata document (RFC 9728, 5.1), which is served without a token.
 * Stateless and thread-safe.
 */
public final class RouterServlet extends HttpServlet {
    /** Servlet mappings of the metadata document: the bare well-known path and the one with our path appended. */
    public static final List<String> METADATA_PATHS = List.of(ProtectedResource.WELL_KNOWN, ProtectedResource.WELL_KNOWN + "/*");

    private final transient ServerHttpHeaderValidator hostAndOrigin;
    private final transient TokenVerifier tokens;
    private final transient OrgEndpoints endpoints;
    private final transient ProtectedResource resource;
    private final transient McpMetrics metrics;

    public RouterServlet(ServerHttpHeaderValidator hostAndOrigin, TokenVerifier tokens, OrgEndpoints endpoints,
                         AuthorizationConfig authorization, McpMetrics metrics) {
        this.hostAndOrigin = hostAndOrigin;
        this.tokens = tokens;
        this.endpoints = endpoints;
        this.resource = new ProtectedResource(authorization);
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
        if (request.getRequestURI().startsWith(ProtectedResource.WELL_KNOWN)) {
            metadata(request, response);
            return;
        }
        String challenge = "Bearer realm=\"mcp-config\", resource_metadata=\""
                + ProtectedResource.metadataUrl(resource.resource(request)) + "\"";
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            unauthorized(response, challenge, "a bearer token is required");
            return;
        }
        String org;
        try {
            org = tokens.orgOf(authorization.substring(7).trim());
        } catch (TokenVerifier.InvalidTokenException e) {
            unauthorized(response, challenge + ", error=\"invalid_token\", error_description=\"" + quotable(e.getMessage()) + "\"",
                    "invalid token: " + e.getMessage());
            return;
        }
        exchange.readMethod(); // only now: an unauthenticated caller's body is never read
        endpoints.serve(org, request, response);
    }

    private void metadata(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod())) {
            response.setHeader("Allow", "GET");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "max-age=300");
        response.getWriter().write(resource.document(request));
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
