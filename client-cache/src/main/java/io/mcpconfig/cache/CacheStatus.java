package io.mcpconfig.cache;

/** Where a {@link ConfigCache}'s views come from right now. */
public enum CacheStatus {
    /** Nothing to serve yet: no snapshot, and Kafka not read to the end offsets taken at start. */
    STARTING,
    /**
     * Nothing to serve yet: the views topic does not exist. The cache creates no topic; it waits for
     * the materializer or the publisher to create it (logged once). With a snapshot the status stays {@link #SNAPSHOT}.
     */
    WAITING_FOR_TOPIC,
    /** Serving the last-known-good views of the local snapshot; Kafka not caught up (yet). */
    SNAPSHOT,
    /** Read Kafka up to the end offsets taken at start; now applying updates as they come. */
    LIVE,
    /**
     * Not reading Kafka because of a setting: the views topic's settings would lose views (e.g.
     * {@code cleanup.policy=delete}), or Kafka refused the credentials. {@link ConfigCache#problem()}
     * says what and how to fix it; the cache re-checks until fixed and serves what it holds meanwhile.
     */
    MISCONFIGURED,
    /** Closed. */
    CLOSED
}
