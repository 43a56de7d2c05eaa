package io.mcpconfig.cache;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCacheBuilderTest {

    @Test
    void requiresBootstrapServers() {
        assertThatThrownBy(() -> ConfigCache.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bootstrap servers were not set");
    }

    @Test
    void refusesASettingSetTwice() {
        assertThatThrownBy(() -> ConfigCache.builder().bootstrapServers("a:1").bootstrapServers("b:2"))
                .isInstanceOf(IllegalStateException.class).hasMessage("bootstrap servers were already set to a:1");
        assertThatThrownBy(() -> ConfigCache.builder().maximumWeight(10).maximumWeight(20))
                .hasMessage("maximum weight was already set to 10");
        assertThatThrownBy(() -> ConfigCache.builder().topicPrefix("x").topicPrefix("y"))
                .hasMessage("topics were already set to prefix x");
        assertThatThrownBy(() -> ConfigCache.builder().consumerProperty("client.id", "a").consumerProperty("client.id", "b"))
                .hasMessage("consumer property client.id was already set to a");
    }

    @Test
    void refusesBadValues() {
        assertThatThrownBy(() -> ConfigCache.builder().bootstrapServers(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap servers must be host:port");
        assertThatThrownBy(() -> ConfigCache.builder().maximumWeight(0))
                .hasMessage("maximum weight must be positive, was 0");
        assertThatThrownBy(() -> ConfigCache.builder().snapshotInterval(Duration.ZERO))
                .hasMessage("snapshot interval must be positive, was PT0S");
        assertThatThrownBy(() -> ConfigCache.builder().orgFilter(List.of()))
                .hasMessageContaining("org filter must name at least one org");
        assertThatThrownBy(() -> ConfigCache.builder().orgFilter(List.of("acme", "Bad Org")))
                .hasMessageContaining("'Bad Org' is not an org id");
        assertThatThrownBy(() -> ConfigCache.builder().topicPrefix("no spaces"))
                .hasMessageContaining("topic prefix 'no spaces'");
        assertThatThrownBy(() -> ConfigCache.builder().consumerProperty("group.id", "g"))
                .hasMessage("consumer property group.id is set by the cache itself and cannot be overridden");
    }

    @Test
    void checksSettingsThatGoTogether(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigCache.builder().bootstrapServers("a:1").snapshotInterval(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("snapshot interval was set to PT1S but no snapshot file: call snapshot(path)");
        Path missing = dir.resolve("no-such-folder").resolve("views.snapshot");
        assertThatThrownBy(() -> ConfigCache.builder().bootstrapServers("a:1").snapshot(missing).build())
                .hasMessageContaining("is in a folder that does not exist");
    }
}
