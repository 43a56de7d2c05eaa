package io.mcpconfig.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpServiceConfigTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of("MCPCONFIG_KAFKA_BOOTSTRAP", "kafka:9092"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static McpServiceConfig config(Map<String, String> env, String... args) {
        return McpServiceConfig.from(Settings.fromMap(env), List.of(args));
    }

    @Test
    void http_mode_reads_every_setting_with_defaults() {
        McpServiceConfig c = config(env("MCPCONFIG_JWT_SECRET", SECRET, "MCPCONFIG_ALLOWED_HOSTS", "mcp.example.com, localhost:*"));
        assertThat(c.stdioOrg()).isNull();
        assertThat(c.kafka().topics().prefix()).isEqualTo("mcpconfig");
        assertThat(c.http().httpPort()).isEqualTo(8080);
        assertThat(c.http().orgClaim()).isEqualTo("org");
        assertThat(c.http().allowedHosts()).containsExactly("mcp.example.com", "localhost:*");
        assertThat(c.http().toString()).doesNotContain(SECRET);
    }

    @Test
    void stdio_mode_needs_an_org_and_no_token_settings() {
        assertThat(config(env(), "--stdio", "--org", "acme").stdioOrg()).isEqualTo("acme");
        assertThatThrownBy(() -> config(env(), "--stdio", "--org", "Not An Org")).isInstanceOf(BadSettingException.class)
                .hasMessageStartingWith("--org");
        assertThatThrownBy(() -> config(env(), "--what")).isInstanceOf(BadSettingException.class).hasMessageContaining("usage");
    }

    @Test
    void each_bad_setting_is_named() {
        assertThat(key(Map.of())).isEqualTo("MCPCONFIG_KAFKA_BOOTSTRAP");
        assertThat(key(env())).isEqualTo("MCPCONFIG_JWT_SECRET");
        assertThat(key(env("MCPCONFIG_JWT_SECRET", "short"))).isEqualTo("MCPCONFIG_JWT_SECRET");
        assertThat(key(env("MCPCONFIG_JWT_SECRET", SECRET, "MCPCONFIG_JWKS_URL", "https://x/jwks"))).isEqualTo("MCPCONFIG_JWT_SECRET");
        assertThat(key(env("MCPCONFIG_JWKS_URL", "ftp://x/jwks"))).isEqualTo("MCPCONFIG_JWKS_URL");
        assertThat(key(env("MCPCONFIG_JWKS_URL", "not a url"))).isEqualTo("MCPCONFIG_JWKS_URL");
        assertThat(key(env("MCPCONFIG_JWT_SECRET", SECRET, "MCPCONFIG_HTTP_PORT", "70000"))).isEqualTo("MCPCONFIG_HTTP_PORT");
        assertThat(key(env("MCPCONFIG_JWT_SECRET", SECRET, "MCPCONFIG_TOPIC_PREFIX", "bad prefix"))).isEqualTo("MCPCONFIG_TOPIC_PREFIX");
        assertThat(key(env("MCPCONFIG_JWT_SECRET", SECRET, "MCPCONFIG_ALLOWED_HOSTS", " , "))).isEqualTo("MCPCONFIG_ALLOWED_HOSTS");
    }

    @Test
    void authorization_settings_are_read_and_a_jwks_requires_audience_and_issuer() {
        McpServerConfig c = config(env("MCPCONFIG_JWKS_URL", "https://login.example.com/jwks",
                "MCPCONFIG_RESOURCE", "https://mcp.example.com/mcp", "MCPCONFIG_JWT_ISSUER", "https://login.example.com",
                "MCPCONFIG_SCOPES_SUPPORTED", "prompts:read, resources:read", "MCPCONFIG_JWT_ALGORITHM", "ES256")).http();
        assertThat(c.authorization().resource()).hasToString("https://mcp.example.com/mcp");
        assertThat(c.authorization().issuer()).isEqualTo("https://login.example.com");
        assertThat(c.authorization().algorithm().getName()).isEqualTo("ES256");
        assertThat(c.authorization().authorizationServers()).extracting(Object::toString).containsExactly("https://login.example.com");
        assertThat(c.authorization().scopesSupported()).containsExactly("prompts:read", "resources:read");
        assertThat(config(env("MCPCONFIG_JWT_SECRET", SECRET)).http().authorization().algorithm().getName()).isEqualTo("HS256");

        String jwks = "https://login.example.com/jwks";
        assertThat(key(env("MCPCONFIG_JWKS_URL", jwks, "MCPCONFIG_JWT_ISSUER", "https://i"))).isEqualTo("MCPCONFIG_RESOURCE");
        assertThat(key(env("MCPCONFIG_JWKS_URL", jwks, "MCPCONFIG_RESOURCE", "https://mcp/mcp"))).isEqualTo("MCPCONFIG_JWT_ISSUER");
        assertThat(key(env("MCPCONFIG_JWKS_URL", jwks, "MCPCONFIG_RESOURCE", "https://mcp/mcp", "MCPCONFIG_JWT_ISSUER", "https://i",
                "MCPCONFIG_JWT_ALGORITHM", "HS256"))).isEqualTo("MCPCONFIG_JWT_ALGORITHM");
        assertThat(key(env("MCPCONFIG_JWT_SECRET", SECRET, "MCPCONFIG_JWT_ALGORITHM", "RS256"))).isEqualTo("MCPCONFIG_JWT_ALGORITHM");
        assertThat(key(env("MCPCONFIG_JWT_SECRET", SECRET, "MCPCONFIG_JWT_ALGORITHM", "none"))).isEqualTo("MCPCONFIG_JWT_ALGORITHM");
        assertThat(key(env("MCPCONFIG_JWT_SECRET", SECRET, "MCPCONFIG_JWT_ALGORITHM", "XYZ"))).isEqualTo("MCPCONFIG_JWT_ALGORITHM");
        assertThat(key(env("MCPCONFIG_JWT_SECRET", SECRET, "MCPCONFIG_RESOURCE", "/mcp"))).isEqualTo("MCPCONFIG_RESOURCE");
        assertThat(key(env("MCPCONFIG_JWT_SECRET", SECRET, "MCPCONFIG_RESOURCE", "https://mcp/mcp#x"))).isEqualTo("MCPCONFIG_RESOURCE");
    }

    private static String key(Map<String, String> env) {
        try {
            config(env);
            return "none";
        } catch (BadSettingException e) {
            return e.key();
        }
    }
}
