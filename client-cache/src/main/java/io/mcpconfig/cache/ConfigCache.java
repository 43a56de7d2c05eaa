package io.mcpconfig.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Every organization's prompts and resources, held in memory and pushed every change from the
 * compacted views topic ({@code <prefix>.views}). An MCP server builds one at start and asks it on
 * every request:
 *
 * <pre>{@code
 * ConfigCache cache = ConfigCache.builder().bootstrapServers("kafka:9092")
 *         .snapshot(Path.of("/var/lib/mcp/views.snapshot")).build();
 * cache.awaitReady(Duration.ofSeconds(10));
 * Prompt p = cache.forOrg("acme").prompt("summarize");   // null when not served
 * cache.addListener("acme", change -> notifyListChanged(change));
 * }</pre>
 *
 * <p>Thread-safe. Reads ({@link #forOrg}) never block on a lock and allocate nothing once the
 * view is decoded; they never throw because Kafka is unreachable. Implementations are created by
 * {@link #builder()}.
 */
public interface ConfigCache extends AutoCloseable {

    /** A builder with nothing set; {@link ConfigCacheBuilder#bootstrapServers} is required. */
    static ConfigCacheBuilder builder() {
        return new ConfigCacheBuilder();
    }

    /**
     * What the organization serves now: its own view if it has one, else the defaults view (whose
     * {@link OrgView#orgId()} is {@code _defaults}), else an empty defaults view (revision -1) while
     * nothing is known yet. An inactive organization gets its own, empty, inactive view: it serves
     * nothing, not the defaults. Never null, never blocks on Kafka.
     *
     * @throws IllegalArgumentException if an org filter was set and does not select {@code orgId}
     * @throws NullPointerException     if {@code orgId} is null
     */
    OrgView forOrg(String orgId);

    /** The organizations that have a view of their own right now (not {@code _defaults}); a copy. */
    Set<String> orgIds();

    /**
     * Calls {@code listener} with every later change of what {@code forOrg(orgId)} serves,
     * including changes of the defaults while the org has no view of its own. Use {@code _defaults}
     * to follow the defaults view itself.
     */
    ListenerRegistration addListener(String orgId, ViewListener listener);

    /** Calls {@code listener} with every later change of any organization's own view (and of {@code _defaults}). */
    ListenerRegistration addListener(ViewListener listener);

    /**
     * Blocks until the cache serves something trustworthy: the local snapshot was loaded, or Kafka
     * was read up to the end offsets taken at start, whichever comes first.
     *
     * @return true if ready, false if {@code timeout} passed first or the cache is closed
     * @throws IllegalStateException at once if the cache is {@link CacheStatus#MISCONFIGURED}; its
     *     message is {@link #problem()}: the one line naming what to fix
     */
    boolean awaitReady(Duration timeout) throws InterruptedException;

    /**
     * Blocks until Kafka itself was read up to the end offsets taken at start ({@link CacheStatus#LIVE}),
     * even when a snapshot made the cache ready earlier.
     *
     * @return true if live, false if {@code timeout} passed first or the cache is closed
     * @throws IllegalStateException as {@link #awaitReady}
     */
    boolean awaitLive(Duration timeout) throws InterruptedException;

    /**
     * Blocks until {@code orgId}'s own view has at least {@code revision} (e.g. the commit LSN of a
     * write you made, to read your own writes).
     *
     * @return true once reached, false if {@code timeout} passed first or the cache is closed
     */
    boolean awaitRevision(String orgId, long revision, Duration timeout) throws InterruptedException;

    /** Where the views come from right now. Never null. */
    CacheStatus status();

    /**
     * While {@link CacheStatus#MISCONFIGURED}: one line naming the topic or the credentials, what is
     * wrong, and the fix (for a topic, the {@code kafka-configs.sh} command). Empty otherwise.
     */
    Optional<String> problem();

    /**
     * Stops consuming, writes the snapshot (if one is configured) and releases the Kafka consumer;
     * blocks until done. Later reads still serve the last views. Idempotent.
     */
    @Override
    void close();
}
