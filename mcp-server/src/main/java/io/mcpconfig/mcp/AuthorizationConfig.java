package io.mcpconfig.mcp;

import com.nimbusds.jose.JWSAlgorithm;
import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Settings;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * What MCP's authorization (spec 2025-11-25) asks of a resource server beyond "verify the
 * signature": which tokens are for us (audience = our resource identifier, RFC 8707; issuer),
 * which one signing algorithm we accept, and what the Protected Resource Metadata document
 * (RFC 9728) tells clients. Immutable. {@link McpServerConfig} checks it against the key source
 * (with a JWKS, {@code resource} and {@code issuer} are required).
 *
 * @param resource             this server's canonical URI (e.g. {@code https://mcp.example.com/mcp}): the
 *                             metadata's {@code resource} and the audience a token must carry; null = no
 *                             audience check (HMAC only), the metadata then names the URL the client used
 * @param issuer               the {@code iss} a token must carry; null = not checked (HMAC only)
 * @param algorithm            the one JWS algorithm accepted; never {@code none}
 * @param authorizationServers issuer URLs listed in the metadata; empty = none listed
 * @param scopesSupported      scopes listed in the metadata; empty = none listed
 */
public record AuthorizationConfig(URI resource, String issuer, JWSAlgorithm algorithm,
                                  List<URI> authorizationServers, List<String> scopesSupported) {
    public static final String RESOURCE = "MCPCONFIG_RESOURCE";
    public static final String JWT_ISSUER = "MCPCONFIG_JWT_ISSUER";
    public static final String JWT_ALGORITHM = "MCPCONFIG_JWT_ALGORITHM";
    public static final String AUTHORIZATION_SERVERS = "MCPCONFIG_AUTHORIZATION_SERVERS";
    public static final String SCOPES_SUPPORTED = "MCPCONFIG_SCOPES_SUPPORTED";

    public AuthorizationConfig {
        if (resource != null && (!resource.isAbsolute() || resource.getHost() == null || resource.getFragment() != null
                || !("https".equals(resource.getScheme()) || "http".equals(resource.getScheme())))) {
            throw new BadSettingException(RESOURCE, "'" + resource + "' is not an absolute http(s) URI without a fragment;"
                    + " set the URL clients use for this server, e.g. https://mcp.example.com/mcp");
        }
        if (issuer != null && issuer.isBlank()) {
            throw new BadSettingException(JWT_ISSUER, "is blank; set the issuer (iss) of your tokens or leave it unset");
        }
        if (algorithm == null || !(JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)
                || JWSAlgorithm.Family.SIGNATURE.contains(algorithm))) {
            throw new BadSettingException(JWT_ALGORITHM, "'" + algorithm + "' is not a JWS signing algorithm;"
                    + " set one of HS256, HS384, HS512, RS256, PS256, ES256, EdDSA, ... (never none)");
        }
        authorizationServers = List.copyOf(authorizationServers);
        scopesSupported = List.copyOf(scopesSupported);
    }

    /** HS256, nothing checked beyond signature, expiry and org: the development setup. */
    public static AuthorizationConfig hmacDefaults() {
        return new AuthorizationConfig(null, null, JWSAlgorithm.HS256, List.of(), List.of());
    }

    /** True for the HMAC family (a shared secret), false for the asymmetric ones (a JWKS). */
    public boolean symmetric() {
        return JWSAlgorithm.Family.HMAC_SHA.contains(algorithm);
    }

    /** From {@code MCPCONFIG_*} settings; the default algorithm follows the key source. */
    static AuthorizationConfig fromSettings(Settings settings, boolean jwks) {
        URI resource = settings.optional(RESOURCE).map(raw -> uri(RESOURCE, raw)).orElse(null);
        String issuer = settings.optional(JWT_ISSUER).orElse(null);
        JWSAlgorithm algorithm = JWSAlgorithm.parse(settings.string(JWT_ALGORITHM, jwks ? "RS256" : "HS256").trim());
        List<URI> servers = settings.optional(AUTHORIZATION_SERVERS)
                .map(raw -> list(raw).stream().map(s -> uri(AUTHORIZATION_SERVERS, s)).toList())
                .orElse(issuer == null ? List.of() : List.of(uri(JWT_ISSUER, issuer)));
        List<String> scopes = settings.optional(SCOPES_SUPPORTED).map(AuthorizationConfig::list).orElse(List.of());
        return new AuthorizationConfig(resource, issuer, algorithm, servers, scopes);
    }

    private static URI uri(String key, String raw) {
        try {
            return URI.create(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new BadSettingException(key, "'" + raw + "' is not a URI");
        }
    }

    private static List<String> list(String raw) {
        return Arrays.stream(raw.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
