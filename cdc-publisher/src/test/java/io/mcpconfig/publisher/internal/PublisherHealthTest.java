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
    void an_engine_back_after_a_failure_is_ready_only_once_it_stayed_up() {
        MutableClock clock = new MutableClock();
        PublisherHealth health = new PublisherHealth("s1", clock);
        health.phase(Phase.ACTIVE, "");
        assertThat(health.check().isReady()).as("a first start is ready at once").isTrue();
        health.phase(Phase.RETRYING, "engine stopped (offsets topic must be compacted)");
        assertThat(health.check().isReady()).isFalse();
        health.phase(Phase.STARTING, "took the lock");
        health.phase(Phase.ACTIVE, "");
        Health flapping = health.check();
        assertThat(flapping.isReady()).isFalse();
        assertThat(flapping.reason()).contains("offsets topic must be compacted");
        clock.now = clock.now.plus(PublisherHealth.STABLE);
        assertThat(health.check()).isEqualTo(Health.ready("active: publishing slot 's1'"));
    }

    private static final class MutableClock extends java.time.Clock {
        java.time.Instant now = java.time.Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void a_new_holder_starts_not_ready_and_follows_its_phase() {
        PublisherHealth health = new PublisherHealth("s1", java.time.Clock.systemUTC());
        assertThat(health.check().isReady()).isFalse();
        health.phase(Phase.STANDBY, "");
        assertThat(health.check().isReady()).isTrue();
        health.phase(Phase.RETRYING, "kafka down");
        assertThat(health.check().reason()).isEqualTo("retrying: kafka down");
    }
}
