package io.mcpconfig.mcp;

import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Keys;
import io.mcpconfig.schemas.config.Settings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the MCP HTTP endpoint: where it listens, how bearer tokens are verified and which
 * hosts and browser origins may call it (DNS-rebinding protection). Immutable; the constructor
 * rejects a bad combination with a {@link BadSettingException} naming the setting.
 *
 * @param bindHost       interface to listen on, e.g. {@code 0.0.0.0}
 * @param httpPort       0 picks a free port
 * @param jwtSecret      HMAC secret (UTF-8, at least 32 bytes), or null when {@code jwksUrl} is set
 * @param jwksUrl        URL of a JSON Web Key Set, or null when {@code jwtSecret} is set
 * @param orgClaim       the token claim that names the organization
 * @param allowedHosts   Host header values accepted ({@code name:*} allows any port)
 * @param allowedOrigins Origin header values accepted when a browser sends one ({@code scheme://name:*} allowed)
 * @param authorization  audience, issuer and algorithm checks, and the protected-resource metadata
 * @param orgIdleTimeout an org's endpoint (its SDK server and sessions) is closed after this long
 *                       without a request or an open stream; zero = never
 */
public record McpServerConfig(String bindHost, int httpPort, String jwtSecret, URI jwksUrl, String orgClaim,
                              List<String> allowedHosts, List<String> allowedOrigins,
                              AuthorizationConfig authorization, Duration orgIdleTimeout) {
    public static final String ORG_IDLE_SECONDS = "MCPCONFIG_ORG_IDLE_SECONDS";
    public static final Duration DEFAULT_ORG_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final String HTTP_HOST = "MCPCONFIG_HTTP_HOST";
    public static final String ALLOWED_HOSTS = "MCPCONFIG_ALLOWED_HOSTS";
    public static final String ALLOWED_ORIGINS = "MCPCONFIG_ALLOWED_ORIGINS";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_ORG_CLAIM = "org";
    /** Loopback only: anything else must be allowed on purpose. */
    public static final List<String> DEFAULT_ALLOWED_HOSTS = List.of("localhost:*", "127.0.0.1:*", "[::1]:*");
    public static final List<String> DEFAULT_ALLOWED_ORIGINS = List.of(
            "http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*",
            "https://localhost:*", "https://127.0.0.1:*", "https://[::1]:*");
    /** HS256 needs a key of at least 256 bits (RFC 7518, 3.2). */
    static final int MIN_SECRET_BYTES = 32;

    public McpServerConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        if (httpPort < 0 || httpPort > 65535) {
            throw new BadSettingException(Keys.HTTP_PORT, "is " + httpPort + "; set a port from 0 to 65535");
        }
        if ((jwtSecret == null) == (jwksUrl == null)) {
            throw new BadSettingException(Keys.JWT_SECRET, "set exactly one of " + Keys.JWT_SECRET
                    + " (HMAC shared secret) and " + Keys.JWKS_URL + " (URL of the issuer's JSON Web Key Set)");
        }
        if (jwtSecret != null && jwtSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new BadSettingException(Keys.JWT_SECRET, "is shorter than " + MIN_SECRET_BYTES
                    + " bytes (256 bits); set a longer random secret, e.g. `openssl rand -base64 48`");
        }
        if (jwksUrl != null && !("https".equals(jwksUrl.getScheme()) || "http".equals(jwksUrl.getScheme()))) {
            throw new BadSettingException(Keys.JWKS_URL, "'" + jwksUrl + "' is not an http(s) URL; set the issuer's JWKS URL");
        }
        if (orgClaim == null || orgClaim.isBlank()) {
            throw new BadSettingException(Keys.ORG_CLAIM, "is empty; set the name of the token claim that names the org");
        }
        allowedHosts = List.copyOf(allowedHosts);
        allowedOrigins = List.copyOf(allowedOrigins);
        if (allowedHosts.isEmpty()) {
            throw new BadSettingException(ALLOWED_HOSTS, "is empty; list the host[:port] names clients use, e.g. localhost:*");
        }
        Objects.requireNonNull(authorization, "authorization");
        if (orgIdleTimeout == null || orgIdleTimeout.isNegative()) {
            throw new BadSettingException(ORG_IDLE_SECONDS, "is " + orgIdleTimeout + "; set seconds >= 0 (0 = never evict)");
        }
        if (jwksUrl != null) {
            // Keys published for a whole identity provider sign tokens for many services: only the
            // audience tells a token for us from one for another (RFC 8707), so it is not optional here.
            if (authorization.resource() == null) {
                throw new BadSettingException(AuthorizationConfig.RESOURCE, "is required with " + Keys.JWKS_URL
                        + ": set this server's URL (the audience its tokens carry), e.g. https://mcp.example.com/mcp");
            }
            if (authorization.issuer() == null) {
                throw new BadSettingException(AuthorizationConfig.JWT_ISSUER, "is required with " + Keys.JWKS_URL
                        + ": set the issuer (iss) of the tokens, e.g. https://login.example.com");
            }
            if (authorization.symmetric()) {
                throw new BadSettingException(AuthorizationConfig.JWT_ALGORITHM, "is " + authorization.algorithm()
                        + ", an HMAC algorithm, but keys come from " + Keys.JWKS_URL + "; set RS256, ES256, EdDSA, ...");
            }
        } else if (!authorization.symmetric()) {
            throw new BadSettingException(AuthorizationConfig.JWT_ALGORITHM, "is " + authorization.algorithm()
                    + ", but " + Keys.JWT_SECRET + " is an HMAC secret; set HS256, HS384 or HS512");
        }
    }

    /** A loopback-only endpoint on {@code port} verifying HMAC tokens signed with {@code secret}. */
    public static McpServerConfig withSecret(int port, String secret) {
        return new McpServerConfig("127.0.0.1", port, secret, null, DEFAULT_ORG_CLAIM,
                DEFAULT_ALLOWED_HOSTS, DEFAULT_ALLOWED_ORIGINS, AuthorizationConfig.hmacDefaults(), DEFAULT_ORG_IDLE_TIMEOUT);
    }

    /** This config with other authorization checks. */
    public McpServerConfig withAuthorization(AuthorizationConfig authorization) {
        return new McpServerConfig(bindHost, httpPort, jwtSecret, jwksUrl, orgClaim, allowedHosts, allowedOrigins,
                authorization, orgIdleTimeout);
    }

    /** This config with another idle timeout for org endpoints. */
    public McpServerConfig withOrgIdleTimeout(Duration timeout) {
        return new McpServerConfig(bindHost, httpPort, jwtSecret, jwksUrl, orgClaim, allowedHosts, allowedOrigins,
                authorization, timeout);
    }

    /** The endpoint's settings from {@code MCPCONFIG_*} settings; throws {@link BadSettingException}. */
    public static McpServerConfig fromSettings(Settings settings) {
        String secret = settings.optional(Keys.JWT_SECRET).orElse(null);
        URI jwks = settings.optional(Keys.JWKS_URL).map(raw -> {
            try {
                return URI.create(raw);
            } catch (IllegalArgumentException e) {
                throw new BadSettingException(Keys.JWKS_URL, "'" + raw + "' is not a URL; set the issuer's JWKS URL");
            }
        }).orElse(null);
        return new McpServerConfig(
                settings.string(HTTP_HOST, "0.0.0.0"),
                settings.integer(Keys.HTTP_PORT, DEFAULT_PORT, 0, 65535),
                secret, jwks,
                settings.string(Keys.ORG_CLAIM, DEFAULT_ORG_CLAIM),
                list(settings, ALLOWED_HOSTS, DEFAULT_ALLOWED_HOSTS),
                list(settings, ALLOWED_ORIGINS, DEFAULT_ALLOWED_ORIGINS),
                AuthorizationConfig.fromSettings(settings, jwks != null),
                Duration.ofSeconds(settings.integer(ORG_IDLE_SECONDS, (int) DEFAULT_ORG_IDLE_TIMEOUT.toSeconds(), 0, Integer.MAX_VALUE)));
    }

    private static List<String> list(Settings settings, String key, List<String> defaults) {
        return settings.optional(key)
                .map(raw -> Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(defaults);
    }

    @Override
    public String toString() { // never print the secret
        return "McpServerConfig[" + bindHost + ":" + httpPort + ", tokens="
                + (jwtSecret != null ? "HMAC secret" : "JWKS " + jwksUrl) + ", orgClaim=" + orgClaim
                + ", allowedHosts=" + allowedHosts + ", allowedOrigins=" + allowedOrigins + ", " + authorization + ", orgIdleTimeout=" + orgIdleTimeout + "]";
    }
}
