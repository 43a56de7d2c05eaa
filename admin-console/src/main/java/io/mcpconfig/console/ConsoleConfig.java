package io.mcpconfig.console;

import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Keys;
import io.mcpconfig.schemas.config.Settings;
import io.mcpconfig.management.ManagementConfig;
import io.mcpconfig.schemas.config.KafkaSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Everything the console needs, validated at startup (a bad value is a {@link BadSettingException}
 * naming the key). Tokens are verified either with an HMAC secret or with the OpenID issuer's keys.
 *
 * @param bindHost     address the HTTP server listens on
 * @param publicUrl    the console's URL as browsers see it (OIDC redirect target)
 * @param jwtSecret    HMAC secret for API tokens, or null to use the issuer's JWKS
 * @param oidcIssuer   OpenID Connect issuer for browser login, or null (then only the demo login or bearer tokens)
 * @param slot         the publisher's replication slot, for the status page
 * @param managementPort {@code /health/*} and {@code /metrics} (shared management server); 0 picks a free port
 * @param demoLogin    the quickstart's local login form; allowed only on a loopback bind address
 */
public record ConsoleConfig(String bindHost, int httpPort, URI publicUrl,
                            String dbUrl, String dbUser, String dbPassword,
                            KafkaSettings kafka, String slot, int managementPort,
                            String jwtSecret, URI oidcIssuer, String oidcClientId, String oidcClientSecret,
                            String roleClaim, String orgsClaim, boolean demoLogin) {
    public static final String BIND_HOST = "MCPCONFIG_HTTP_HOST";
    public static final String PUBLIC_URL = "MCPCONFIG_CONSOLE_URL";
    public static final String OIDC_ISSUER = "MCPCONFIG_OIDC_ISSUER";
    public static final String OIDC_CLIENT_ID = "MCPCONFIG_OIDC_CLIENT_ID";
    public static final String OIDC_CLIENT_SECRET = "MCPCONFIG_OIDC_CLIENT_SECRET";
    public static final String ROLE_CLAIM = "MCPCONFIG_ROLE_CLAIM";
    public static final String ORGS_CLAIM = "MCPCONFIG_ORGS_CLAIM";
    public static final String DEMO_LOGIN = "MCPCONFIG_DEMO_LOGIN";
    public static final int DEFAULT_PORT = 8090;
    /** After the publisher's 9401, the materializer's 9402 and the MCP server's 9403. */
    public static final int DEFAULT_MANAGEMENT_PORT = 9404;
    static final int MIN_SECRET_BYTES = 32;

    public ConsoleConfig {
        if (jwtSecret == null && oidcIssuer == null && !demoLogin) {
            throw new BadSettingException(Keys.JWT_SECRET, "and " + OIDC_ISSUER + " are both unset; set one: an HMAC secret"
                    + " for API tokens, or the OpenID Connect issuer people log in with");
        }
        if (jwtSecret != null && jwtSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new BadSettingException(Keys.JWT_SECRET, "is shorter than " + MIN_SECRET_BYTES
                    + " bytes; set a longer random secret, e.g. `openssl rand -base64 48`");
        }
        if (oidcIssuer != null && oidcClientId == null) {
            throw new BadSettingException(OIDC_CLIENT_ID, "is not set; set the client id registered at " + oidcIssuer);
        }
        if (demoLogin && !isLoopback(bindHost)) {
            throw new BadSettingException(DEMO_LOGIN, "is on but " + BIND_HOST + " is " + bindHost
                    + "; the demo login is only for a console bound to 127.0.0.1 (set the host or turn it off)");
        }
    }

    public static ConsoleConfig fromSettings(Settings settings) {
        String host = settings.string(BIND_HOST, "0.0.0.0");
        int port = settings.integer(Keys.HTTP_PORT, DEFAULT_PORT, 0, 65535);
        String publicHost = isLoopback(host) || host.equals("0.0.0.0") ? "localhost" : host;
        return new ConsoleConfig(host, port,
                uri(settings, PUBLIC_URL, "http://" + publicHost + ":" + port),
                settings.required(Keys.DB_URL, "set it to the config database's JDBC URL, e.g. jdbc:postgresql://db:5432/mcpconfig"),
                settings.required(Keys.DB_USER, "set it to a database user allowed to write the config tables"),
                settings.string(Keys.DB_PASSWORD, ""),
                KafkaSettings.fromSettings(settings),
                settings.string(Keys.SLOT, "mcpconfig"),
                ManagementConfig.fromSettings(settings, DEFAULT_MANAGEMENT_PORT).port(),
                settings.optional(Keys.JWT_SECRET).orElse(null),
                settings.optional(OIDC_ISSUER).map(v -> uri(settings, OIDC_ISSUER, v)).orElse(null),
                settings.optional(OIDC_CLIENT_ID).orElse(null),
                settings.optional(OIDC_CLIENT_SECRET).orElse(null),
                settings.string(ROLE_CLAIM, "mcpconfig_role"),
                settings.string(ORGS_CLAIM, "mcpconfig_orgs"),
                settings.bool(DEMO_LOGIN, false));
    }

    private static URI uri(Settings settings, String key, String fallback) {
        String raw = settings.string(key, fallback);
        try {
            URI uri = URI.create(raw);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new BadSettingException(key, "'" + raw + "' is not an http(s) URL; set e.g. https://console.example.com");
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() { // never print secrets
        return "ConsoleConfig[" + bindHost + ":" + httpPort + ", publicUrl=" + publicUrl + ", db=" + dbUrl
                + ", " + kafka + ", tokens="
                + (jwtSecret != null ? "HMAC secret" : "issuer keys") + ", oidc=" + oidcIssuer + ", demoLogin=" + demoLogin + "]";
    }
}
