package io.mcpconfig.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleConfigTest {
    static Map<String, String> base() {
        Map<String, String> env = new HashMap<>();
        env.put("MCPCONFIG_DB_URL", "jdbc:postgresql://db/mcpconfig");
        env.put("MCPCONFIG_DB_USER", "mcp");
        env.put("MCPCONFIG_KAFKA_BOOTSTRAP", "kafka:9092");
        env.put("MCPCONFIG_JWT_SECRET", "a-secret-of-more-than-thirty-two-bytes-0123");
        return env;
    }

    static ConsoleConfig config(Map<String, String> env) {
        return ConsoleConfig.fromSettings(Settings.fromMap(env));
    }

    @Test
    void defaults_and_values_are_read() {
        ConsoleConfig config = config(base());
        assertThat(config.httpPort()).isEqualTo(8090);
        assertThat(config.managementPort()).isEqualTo(9404);
        assertThat(config.publicUrl().toString()).isEqualTo("http://localhost:8090");
        assertThat(config.roleClaim()).isEqualTo("mcpconfig_role");
        assertThat(config.demoLogin()).isFalse();
        assertThat(config.toString()).doesNotContain("thirty-two");
    }

    @Test
    void each_bad_setting_names_its_key() {
        Map<String, String> env = base();
        env.remove("MCPCONFIG_DB_URL");
        assertThatThrownBy(() -> config(env)).isInstanceOf(BadSettingException.class).hasMessageContaining("MCPCONFIG_DB_URL");

        Map<String, String> shortSecret = base();
        shortSecret.put("MCPCONFIG_JWT_SECRET", "short");
        assertThatThrownBy(() -> config(shortSecret)).hasMessageContaining("MCPCONFIG_JWT_SECRET");

        Map<String, String> noAuth = base();
        noAuth.remove("MCPCONFIG_JWT_SECRET");
        assertThatThrownBy(() -> config(noAuth)).hasMessageContaining("MCPCONFIG_OIDC_ISSUER");

        Map<String, String> issuerWithoutClient = base();
        issuerWithoutClient.put("MCPCONFIG_OIDC_ISSUER", "https://id.example.com");
        assertThatThrownBy(() -> config(issuerWithoutClient)).hasMessageContaining("MCPCONFIG_OIDC_CLIENT_ID");

        Map<String, String> badUrl = base();
        badUrl.put("MCPCONFIG_CONSOLE_URL", "console.example.com");
        assertThatThrownBy(() -> config(badUrl)).hasMessageContaining("MCPCONFIG_CONSOLE_URL");

        Map<String, String> badPort = base();
        badPort.put("MCPCONFIG_HTTP_PORT", "http");
        assertThatThrownBy(() -> config(badPort)).hasMessageContaining("MCPCONFIG_HTTP_PORT");
    }

    @Test
    void the_demo_login_is_refused_unless_bound_to_loopback() {
        Map<String, String> env = base();
        env.put("MCPCONFIG_DEMO_LOGIN", "true");
        assertThatThrownBy(() -> config(env)).isInstanceOf(BadSettingException.class)
                .hasMessageContaining("MCPCONFIG_DEMO_LOGIN").hasMessageContaining("127.0.0.1");
        env.put("MCPCONFIG_HTTP_HOST", "127.0.0.1");
        assertThat(config(env).demoLogin()).isTrue();
    }
}
