package io.mcpconfig.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @Test
    void environmentWinsOverThePropertiesFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mcpconfig.properties");
        Files.writeString(file, "MCPCONFIG_TOPIC_PREFIX=fromfile\nMCPCONFIG_SLOT=slotfromfile\n");
        Settings s = Settings.fromMap(Map.of(Settings.CONFIG_FILE, file.toString(), "MCPCONFIG_TOPIC_PREFIX", "fromenv", "PATH", "/bin"));
        assertThat(s.string("MCPCONFIG_TOPIC_PREFIX", "x")).isEqualTo("fromenv");
        assertThat(s.string("MCPCONFIG_SLOT", "x")).isEqualTo("slotfromfile");
        assertThat(s.optional("PATH")).as("only MCPCONFIG_ variables are settings").isEmpty();
    }

    @Test
    void blankCountsAsUnset() {
        assertThat(Settings.fromMap(Map.of("MCPCONFIG_SLOT", "  ")).string("MCPCONFIG_SLOT", "default")).isEqualTo("default");
    }

    @Test
    void badValuesFailWithOneLineNamingTheKeyAndTheFix() {
        Settings s = Settings.fromMap(Map.of("MCPCONFIG_PARTITIONS", "many", "MCPCONFIG_HTTP_PORT", "70000", "MCPCONFIG_MIGRATE", "perhaps"));
        assertThatThrownBy(() -> s.integer("MCPCONFIG_PARTITIONS", 6, 1, 1000))
                .isInstanceOf(BadSettingException.class)
                .hasMessage("MCPCONFIG_PARTITIONS: 'many' is not a whole number; set one from 1 to 1000");
        assertThatThrownBy(() -> s.integer("MCPCONFIG_HTTP_PORT", 8080, 1, 65535))
                .hasMessage("MCPCONFIG_HTTP_PORT: is 70000; set a whole number from 1 to 65535");
        assertThatThrownBy(() -> s.bool("MCPCONFIG_MIGRATE", true))
                .hasMessage("MCPCONFIG_MIGRATE: 'perhaps' is not a boolean; set true or false");
        assertThatThrownBy(() -> s.required("MCPCONFIG_KAFKA_BOOTSTRAP", "set it to host:port of a Kafka broker"))
                .hasMessage("MCPCONFIG_KAFKA_BOOTSTRAP: is not set; set it to host:port of a Kafka broker");
    }

    @Test
    void anUnreadablePropertiesFileIsABadSetting() {
        assertThatThrownBy(() -> Settings.fromMap(Map.of(Settings.CONFIG_FILE, "/nonexistent/x.properties")))
                .isInstanceOf(BadSettingException.class)
                .hasMessageStartingWith("MCPCONFIG_CONFIG_FILE: can't read properties file /nonexistent/x.properties");
    }
}
