package io.mcpconfig.publisher.internal;

import io.mcpconfig.management.Health;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the publisher's loop is, as the management endpoints report it. Ready means publishing,
 * or a healthy standby (its lock connection answers, so it can take over). An engine that came
 * back after a failure is ready only once it has run {@link #STABLE} without stopping: one that
 * fails every few seconds (e.g. on a misconfigured offsets topic) must not look ready between
 * two failures. Thread-safe.
 */
public final class PublisherHealth {
    /** The loop's phases, in the order a normal life goes through them. */
    public enum Phase {
        /** Connecting, or won the lock and preparing the slot and engine. */
        STARTING,
        /** Another instance holds the slot; this one polls the lock and can take over. */
        STANDBY,
        /** Holds the slot; the engine runs. */
        ACTIVE,
        /** The last attempt failed (database, Kafka, engine); trying again after a pause. */
        RETRYING,
        /** Stopped on its own for good (e.g. the slot is gone): restart it once fixed. */
        FAILED,
        /** Closed. */
        STOPPED
    }

    /** How long an engine restarted after a failure must run before it counts as ready again. */
    static final Duration STABLE = Duration.ofSeconds(10);

    private final String slot;
    private final Clock clock;
    private volatile Phase phase = Phase.STARTING;
    private volatile String detail = "";
    private volatile String lastTrouble;
    private volatile Instant activeSince = Instant.MIN;

    public PublisherHealth(String slot, Clock clock) {
        this.slot = slot;
        this.clock = clock;
    }

    synchronized void phase(Phase phase, String detail) {
        this.detail = detail == null ? "" : detail;
        if (phase == Phase.RETRYING) {
            lastTrouble = this.detail;
        } else if (phase == Phase.ACTIVE && this.phase != Phase.ACTIVE) {
            activeSince = clock.instant();
        }
        this.phase = phase;
    }

    public Health check() {
        Phase now = phase;
        String trouble = lastTrouble;
        if (now == Phase.ACTIVE && trouble != null) {
            Duration up = Duration.between(activeSince, clock.instant());
            if (up.compareTo(STABLE) < 0) {
                return Health.notReady("active again for " + up.toSeconds() + " s (ready after " + STABLE.toSeconds()
                        + " s without a failure); last failure: " + trouble);
            }
        }
        return of(now, slot, detail);
    }

    /** The rule: ready when active or on standby; down once failed or stopped; otherwise not ready. */
    static Health of(Phase phase, String slot, String detail) {
        return switch (phase) {
            case STARTING -> Health.notReady("starting: " + (detail.isEmpty() ? "connecting to the database" : detail));
            case STANDBY -> Health.ready("standby: another publisher holds slot '" + slot + "'; this one takes over if it stops");
            case ACTIVE -> Health.ready("active: publishing slot '" + slot + "'");
            case RETRYING -> Health.notReady("retrying: " + detail);
            case FAILED -> Health.down("stopped: " + detail);
            case STOPPED -> Health.down("stopped");
        };
    }
}
