package io.mcpconfig.mcp.internal;

import io.mcpconfig.mcp.AuthorizationConfig;
import io.modelcontextprotocol.json.McpJsonDefaults;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This server as an OAuth protected resource (RFC 9728, as MCP 2025-11-25 requires): its metadata
 * document and the URL a 401 points clients to. When no resource identifier is configured (the
 * HMAC development setup) the identifier is the URL the client used, from the request's scheme and
 * Host header, which the router has already checked against the allowed hosts. Stateless.
 */
final class ProtectedResource {
    /** RFC 9728, 3: the well-known prefix; the resource's path is appended to it (3.1). */
    static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    private final AuthorizationConfig config;

    ProtectedResource(AuthorizationConfig config) {
        this.config = config;
    }

    /** This server's resource identifier as seen by {@code request}. */
    URI resource(HttpServletRequest request) {
        if (config.resource() != null) {
            return config.resource();
        }
        return URI.create(request.getScheme() + "://" + request.getHeader("Host") + OrgEndpoints.MCP_PATH);
    }

    /** Where the metadata of {@code resource} is: the well-known prefix inserted before its path. */
    static URI metadataUrl(URI resource) {
        String path = resource.getRawPath() == null || resource.getRawPath().equals("/") ? "" : resource.getRawPath();
        return URI.create(resource.getScheme() + "://" + resource.getRawAuthority() + WELL_KNOWN + path);
    }

    /** The metadata document (JSON) for {@code request}. */
    String document(HttpServletRequest request) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("resource", resource(request).toString());
        if (!config.authorizationServers().isEmpty()) {
            doc.put("authorization_servers", config.authorizationServers().stream().map(URI::toString).toList());
        }
        if (!config.scopesSupported().isEmpty()) {
            doc.put("scopes_supported", config.scopesSupported());
        }
        doc.put("bearer_methods_supported", List.of("header"));
        doc.put("resource_name", "mcp-config");
        try {
            return McpJsonDefaults.getMapper().writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
