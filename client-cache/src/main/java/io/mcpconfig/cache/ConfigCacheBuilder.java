package io.mcpconfig.cache;

import io.mcpconfig.cache.internal.CacheConfig;
import io.mcpconfig.cache.internal.CacheEngine;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Builds a {@link ConfigCache}. Each setting may be set once; a setting set twice, or a bad value,
 * fails at once with a message naming it, and {@link #build()} checks what only makes sense
 * together. Not thread-safe; a builder may build several caches.
 */
public final class ConfigCacheBuilder {
    /** Default bound of the decoded views' weight (their serialized size), in bytes. */
    public static final long DEFAULT_MAXIMUM_WEIGHT = 256L * 1024 * 1024;
    /** Default period between two snapshot writes (only written when something changed). */
    public static final Duration DEFAULT_SNAPSHOT_INTERVAL = Duration.ofSeconds(30);

    // Same rule as the database's check on organization ids.
    private static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private String bootstrapServers;
    private Topics topics;
    private Set<String> orgFilter;
    private Path snapshotFile;
    private Duration snapshotInterval;
    private long maximumWeight = -1;
    private Clock clock;
    private Executor listenerExecutor;
    private MeterRegistry meterRegistry;
    private Boolean clientReceipts;
    private final Map<String, String> consumerProperties = new LinkedHashMap<>();

    ConfigCacheBuilder() {}

    /** Kafka's {@code bootstrap.servers}, e.g. {@code kafka:9092}. Required. */
    public ConfigCacheBuilder bootstrapServers(String servers) {
        requireUnset(bootstrapServers == null, "bootstrap servers were already set to %s", bootstrapServers);
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers must be host:port[,host:port...], was '" + servers + "'");
        }
        this.bootstrapServers = servers.trim();
        return this;
    }

    /**
     * Everything from the deployment's {@link KafkaSettings}: its bootstrap servers, its topics, and its
     * client properties (security, e.g. {@code MCPCONFIG_KAFKA_SASL_JAAS_CONFIG}) as consumer properties.
     * The same as calling {@link #bootstrapServers}, {@link #topics} and {@link #consumerProperty} with them.
     */
    public ConfigCacheBuilder kafka(KafkaSettings kafka) {
        Objects.requireNonNull(kafka, "kafka");
        bootstrapServers(kafka.bootstrap());
        topics(kafka.topics());
        kafka.clientProperties().forEach(this::consumerProperty);
        return this;
    }

    /** The topic prefix of the deployment ({@code mcpconfig} if unset). */
    public ConfigCacheBuilder topicPrefix(String prefix) {
        return topics(Topics.withPrefix(prefix));
    }

    /** The deployment's topics (default: prefix {@code mcpconfig}); the cache reads {@link Topics#views()}. */
    public ConfigCacheBuilder topics(Topics topics) {
        requireUnset(this.topics == null, "topics were already set to prefix %s",
                this.topics == null ? null : this.topics.prefix());
        this.topics = Objects.requireNonNull(topics, "topics");
        return this;
    }

    /**
     * Holds only these organizations (and the defaults); {@link ConfigCache#forOrg} refuses others.
     * Unset: every organization.
     */
    public ConfigCacheBuilder orgFilter(Collection<String> orgIds) {
        requireUnset(orgFilter == null, "org filter was already set to %s", orgFilter);
        if (orgIds == null || orgIds.isEmpty()) {
            throw new IllegalArgumentException("org filter must name at least one org; leave it unset to hold every org");
        }
        Set<String> ids = new TreeSet<>();
        for (String id : orgIds) {
            if (id == null || !ORG_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("org filter: '" + id
                        + "' is not an org id (lower-case [a-z0-9][a-z0-9._-]{0,62})");
            }
            ids.add(id);
        }
        this.orgFilter = Set.copyOf(ids);
        return this;
    }

    /**
     * The local snapshot file (last-known-good views and their offsets): loaded at start, written
     * every {@link #snapshotInterval} when something changed, and on close. Its folder must exist.
     * Unset: no snapshot, so the cache starts only when Kafka answers.
     */
    public ConfigCacheBuilder snapshot(Path file) {
        requireUnset(snapshotFile == null, "snapshot file was already set to %s", snapshotFile);
        this.snapshotFile = Objects.requireNonNull(file, "file").toAbsolutePath();
        return this;
    }

    /** Period between snapshot writes; default {@link #DEFAULT_SNAPSHOT_INTERVAL}. Needs {@link #snapshot}. */
    public ConfigCacheBuilder snapshotInterval(Duration interval) {
        requireUnset(snapshotInterval == null, "snapshot interval was already set to %s", snapshotInterval);
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("snapshot interval must be positive, was " + interval);
        }
        this.snapshotInterval = interval;
        return this;
    }

    /**
     * Bound of the decoded views held by the in-process cache, weighed by their serialized size in
     * bytes (default {@link #DEFAULT_MAXIMUM_WEIGHT}). An evicted view is decoded again on its next
     * read; views are never lost, only their decoded form.
     */
    public ConfigCacheBuilder maximumWeight(long bytes) {
        requireUnset(maximumWeight == -1, "maximum weight was already set to %s", maximumWeight);
        if (bytes <= 0) {
            throw new IllegalArgumentException("maximum weight must be positive, was " + bytes);
        }
        this.maximumWeight = bytes;
        return this;
    }

    /** The clock for staleness and snapshot timing (default: the system UTC clock). */
    public ConfigCacheBuilder clock(Clock clock) {
        requireUnset(this.clock == null, "clock was already set to %s", this.clock);
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Where listeners run (default: directly on the consumer thread, in order). */
    public ConfigCacheBuilder listenerExecutor(Executor executor) {
        requireUnset(listenerExecutor == null, "listener executor was already set to %s", listenerExecutor);
        this.listenerExecutor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /** Where the cache's meters go (default: a private registry nobody reads). */
    public ConfigCacheBuilder meterRegistry(MeterRegistry registry) {
        requireUnset(meterRegistry == null, "meter registry was already set to %s", meterRegistry);
        this.meterRegistry = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /**
     * Whether the cache publishes its receipt (host, views held, applied revision, lag) to
     * {@code <prefix>.clients}, where {@code mcpconfig status} and the console show every running
     * cache: on change (at most once a second) and every 30 s as a heartbeat, a tombstone on close.
     * Default true. Publishing never blocks or fails the cache (own thread, failures logged), and
     * never creates the topic: while it is missing the cache stays quiet. Uses the same
     * connection settings ({@link #consumerProperty}) as the consumer.
     */
    public ConfigCacheBuilder clientReceipts(boolean enabled) {
        requireUnset(clientReceipts == null, "client receipts were already set to %s", clientReceipts);
        this.clientReceipts = enabled;
        return this;
    }

    /**
     * An extra Kafka consumer setting, e.g. security ({@code security.protocol}, {@code sasl.*}).
     * Settings the cache relies on ({@link CacheConfig#MANAGED_CONSUMER_KEYS}) are refused.
     */
    public ConfigCacheBuilder consumerProperty(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (CacheConfig.MANAGED_CONSUMER_KEYS.contains(key)) {
            throw new IllegalArgumentException("consumer property " + key
                    + " is set by the cache itself and cannot be overridden");
        }
        requireUnset(!consumerProperties.containsKey(key), "consumer property " + key + " was already set to %s",
                consumerProperties.get(key));
        consumerProperties.put(key, value);
        return this;
    }

    /**
     * Checks the settings, loads the snapshot (if set and readable: {@code forOrg} serves its views
     * as soon as this returns) and starts consuming in the background. Blocks only to read the
     * snapshot, never on Kafka.
     *
     * @throws IllegalStateException on a missing or inconsistent setting, naming it
     */
    public ConfigCache build() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("bootstrap servers were not set: call bootstrapServers(\"host:port\")");
        }
        if (snapshotInterval != null && snapshotFile == null) {
            throw new IllegalStateException("snapshot interval was set to " + snapshotInterval
                    + " but no snapshot file: call snapshot(path)");
        }
        if (snapshotFile != null && (snapshotFile.getParent() == null
                || !java.nio.file.Files.isDirectory(snapshotFile.getParent()))) {
            throw new IllegalStateException("snapshot file " + snapshotFile + " is in a folder that does not exist");
        }
        CacheConfig config = new CacheConfig(bootstrapServers,
                topics != null ? topics : Topics.withPrefix(Topics.DEFAULT_PREFIX),
                orgFilter, snapshotFile,
                snapshotInterval != null ? snapshotInterval : DEFAULT_SNAPSHOT_INTERVAL,
                maximumWeight != -1 ? maximumWeight : DEFAULT_MAXIMUM_WEIGHT,
                clock != null ? clock : Clock.systemUTC(),
                listenerExecutor,
                meterRegistry != null ? meterRegistry : new SimpleMeterRegistry(),
                Map.copyOf(consumerProperties));
        return CacheEngine.start(config, clientReceipts == null || clientReceipts);
    }

    private static void requireUnset(boolean unset, String template, Object current) {
        if (!unset) {
            throw new IllegalStateException(String.format(template, current));
        }
    }
}
