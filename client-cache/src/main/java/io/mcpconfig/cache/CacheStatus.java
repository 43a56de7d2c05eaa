package io.mcpconfig.cache;

/** Where a {@link ConfigCache}'s views come from right now. */
public enum CacheStatus {
    /** Nothing to serve yet: no snapshot, and Kafka not read to the end offsets taken at start. */
    STARTING,
    /** Serving the last-known-good views of the local snapshot; Kafka not caught up (yet). */
    SNAPSHOT,
    /** Read Kafka up to the end offsets taken at start; now applying updates as they come. */
    LIVE,
    /** Closed. */
    CLOSED
}
