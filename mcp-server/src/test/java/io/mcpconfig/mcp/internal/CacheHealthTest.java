package io.mcpconfig.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.cache.CacheStatus;
import io.mcpconfig.management.Health;
import org.junit.jupiter.api.Test;

class CacheHealthTest {
    @Test
    void ready_only_when_the_cache_is_live() {
        for (CacheStatus status : CacheStatus.values()) {
            assertThat(CacheHealth.of(status).isReady()).as(status.name()).isEqualTo(status == CacheStatus.LIVE);
            assertThat(CacheHealth.of(status).reason()).as(status.name()).contains(status.name());
        }
    }

    @Test
    void starting_and_snapshot_are_alive_closed_is_down() {
        assertThat(CacheHealth.of(CacheStatus.STARTING).state()).isEqualTo(Health.State.NOT_READY);
        assertThat(CacheHealth.of(CacheStatus.SNAPSHOT).state()).isEqualTo(Health.State.NOT_READY);
        assertThat(CacheHealth.of(CacheStatus.CLOSED).state()).isEqualTo(Health.State.DOWN);
    }
}
