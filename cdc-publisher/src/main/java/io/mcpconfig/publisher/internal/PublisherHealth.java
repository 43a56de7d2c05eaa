package io.mcpconfig.publisher.internal;

import io.mcpconfig.management.Health;

/**
 * Where the publisher's loop is, as the management endpoints report it. Ready means publishing,
 * or a healthy standby (its lock connection answers, so it can take over). Thread-safe.
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

    private final String slot;
    private volatile Phase phase = Phase.STARTING;
    private volatile String detail = "";

    public PublisherHealth(String slot) {
        this.slot = slot;
    }

    void phase(Phase phase, String detail) {
        this.detail = detail == null ? "" : detail;
        this.phase = phase;
    }

    public Health check() {
        return of(phase, slot, detail);
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
