package io.mcpconfig.materializer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.management.Health;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class MaterializerHealthTest {
    @Test
    void ready_only_when_running() {
        for (State state : State.values()) {
            assertThat(MaterializerHealth.of(state).isReady()).as(state.name()).isEqualTo(state == State.RUNNING);
            assertThat(MaterializerHealth.of(state).reason()).as(state.name()).contains(state.name());
        }
    }

    @Test
    void rebalancing_is_alive_an_error_or_a_stop_is_down() {
        assertThat(MaterializerHealth.of(State.REBALANCING).state()).isEqualTo(Health.State.NOT_READY);
        assertThat(MaterializerHealth.of(State.CREATED).state()).isEqualTo(Health.State.NOT_READY);
        assertThat(MaterializerHealth.of(State.ERROR).state()).isEqualTo(Health.State.DOWN);
        assertThat(MaterializerHealth.of(State.PENDING_ERROR).state()).isEqualTo(Health.State.DOWN);
        assertThat(MaterializerHealth.of(State.NOT_RUNNING).state()).isEqualTo(Health.State.DOWN);
    }
}
