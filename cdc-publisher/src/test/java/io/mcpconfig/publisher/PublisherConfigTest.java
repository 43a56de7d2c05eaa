package io.mcpconfig.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublisherConfigTest {

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("MCPCONFIG_DB_URL", "jdbc:postgresql://db.example:5433/config");
        env.put("MCPCONFIG_DB_USER", "cdc");
        env.put("MCPCONFIG_KAFKA_BOOTSTRAP", "kafka:9092");
        return env;
    }

    @Test
    void defaultsFollowTheRuntimeContract() {
        PublisherConfig config = PublisherConfig.fromSettings(Settings.fromMap(env()));
        assertThat(config.slot()).isEqualTo("mcpconfig");
        assertThat(config.topics().changes().name()).isEqualTo("mcpconfig.changes");
        assertThat(config.topics().publisherOffsets().name()).isEqualTo("mcpconfig.publisher.offsets");
        assertThat(config.migrate()).isTrue();
        assertThat(config.resnapshot()).isFalse();
        assertThat(config.dbLocation().getProperty("PGHOST")).isEqualTo("db.example");
        assertThat(config.dbLocation().getProperty("PGPORT")).isEqualTo("5433");
        assertThat(config.toString()).doesNotContain("password");
    }

    @Test
    void badSettingsNameTheirKey() {
        Map<String, String> noDb = env();
        noDb.remove("MCPCONFIG_DB_URL");
        assertThatThrownBy(() -> PublisherConfig.fromSettings(Settings.fromMap(noDb)))
                .isInstanceOf(BadSettingException.class).hasMessageStartingWith("MCPCONFIG_DB_URL: is not set");

        Map<String, String> badUrl = env();
        badUrl.put("MCPCONFIG_DB_URL", "postgres://x/y");
        assertThatThrownBy(() -> PublisherConfig.fromSettings(Settings.fromMap(badUrl)))
                .isInstanceOf(BadSettingException.class).hasMessageStartingWith("MCPCONFIG_DB_URL: 'postgres://x/y' is not a PostgreSQL JDBC URL");

        Map<String, String> badSlot = env();
        badSlot.put("MCPCONFIG_SLOT", "My-Slot");
        assertThatThrownBy(() -> PublisherConfig.fromSettings(Settings.fromMap(badSlot)))
                .isInstanceOf(BadSettingException.class).hasMessageStartingWith("MCPCONFIG_SLOT:");

        Map<String, String> badResnapshot = env();
        badResnapshot.put("MCPCONFIG_RESNAPSHOT", "maybe");
        assertThatThrownBy(() -> PublisherConfig.fromSettings(Settings.fromMap(badResnapshot)))
                .isInstanceOf(BadSettingException.class).hasMessageStartingWith("MCPCONFIG_RESNAPSHOT:");
    }
}
