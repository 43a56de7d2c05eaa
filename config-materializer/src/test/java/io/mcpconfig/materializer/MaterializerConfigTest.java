package io.mcpconfig.materializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Settings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaterializerConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsFromTheTopicPrefix() {
        MaterializerConfig c = MaterializerConfig.fromSettings(Settings.fromMap(Map.of(
                "MCPCONFIG_KAFKA_BOOTSTRAP", "k:9092", "MCPCONFIG_TOPIC_PREFIX", "acme", "MCPCONFIG_STATE_DIR", dir.toString())));
        assertThat(c.applicationId()).isEqualTo("acme.materializer");
        assertThat(c.topics().changes().name()).isEqualTo("acme.changes");
        Properties p = c.streamsProperties(new SimpleMeterRegistry());
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(p.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(MaterializerConfig.BUFFER_CACHE_BYTES);
        assertThat(p.get(StreamsConfig.producerPrefix("linger.ms"))).isEqualTo(0);
        assertThat(p.get(StreamsConfig.producerPrefix("retry.backoff.ms"))).isEqualTo(20);
    }

    @Test
    void badSettingsNameTheKey() {
        assertThatThrownBy(() -> MaterializerConfig.fromSettings(Settings.fromMap(Map.of())))
                .isInstanceOf(BadSettingException.class).hasMessageStartingWith("MCPCONFIG_KAFKA_BOOTSTRAP");
        assertThatThrownBy(() -> MaterializerConfig.fromSettings(Settings.fromMap(Map.of(
                "MCPCONFIG_KAFKA_BOOTSTRAP", "k:9092", "MCPCONFIG_TOPIC_PREFIX", "bad prefix!"))))
                .isInstanceOf(BadSettingException.class).hasMessageStartingWith("MCPCONFIG_TOPIC_PREFIX");
        assertThatThrownBy(() -> MaterializerConfig.fromSettings(Settings.fromMap(Map.of(
                "MCPCONFIG_KAFKA_BOOTSTRAP", "k:9092", "MCPCONFIG_STATE_DIR", dir.toString(),
                "MCPCONFIG_SESSION_TIMEOUT_MS", "10"))))
                .isInstanceOf(BadSettingException.class).hasMessageStartingWith("MCPCONFIG_SESSION_TIMEOUT_MS");
    }
}
