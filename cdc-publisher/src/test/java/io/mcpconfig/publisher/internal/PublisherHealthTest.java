package io.mcpconfig.publisher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.management.Health;
import io.mcpconfig.publisher.internal.PublisherHealth.Phase;
import org.junit.jupiter.api.Test;

class PublisherHealthTest {
    @Test
    void active_and_a_healthy_standby_are_ready() {
        assertThat(PublisherHealth.of(Phase.ACTIVE, "s1", "")).isEqualTo(Health.ready("active: publishing slot 's1'"));
        Health standby = PublisherHealth.of(Phase.STANDBY, "s1", "");
        assertThat(standby.isReady()).isTrue();
        assertThat(standby.reason()).startsWith("standby: another publisher holds slot 's1'");
    }

    @Test
    void starting_and_retrying_are_alive_but_not_ready_and_say_why() {
        Health starting = PublisherHealth.of(Phase.STARTING, "s1", "");
        assertThat(starting.state()).isEqualTo(Health.State.NOT_READY);
        assertThat(starting.reason()).isEqualTo("starting: connecting to the database");
        Health retrying = PublisherHealth.of(Phase.RETRYING, "s1", "java.sql.SQLException: connection refused");
        assertThat(retrying.state()).isEqualTo(Health.State.NOT_READY);
        assertThat(retrying.reason()).contains("connection refused");
    }

    @Test
    void failed_and_stopped_are_down() {
        Health failed = PublisherHealth.of(Phase.FAILED, "s1", "replication slot 's1' is gone");
        assertThat(failed.isAlive()).isFalse();
        assertThat(failed.reason()).isEqualTo("stopped: replication slot 's1' is gone");
        assertThat(PublisherHealth.of(Phase.STOPPED, "s1", "").isAlive()).isFalse();
    }

    @Test
    void a_new_holder_starts_not_ready_and_follows_its_phase() {
        PublisherHealth health = new PublisherHealth("s1");
        assertThat(health.check().isReady()).isFalse();
        health.phase(Phase.STANDBY, "");
        assertThat(health.check().isReady()).isTrue();
        health.phase(Phase.RETRYING, "kafka down");
        assertThat(health.check().reason()).isEqualTo("retrying: kafka down");
    }
}
