package io.mcpconfig.materializer;

import io.mcpconfig.materializer.internal.MaterializerMetrics;
import io.mcpconfig.materializer.internal.SkippingDeserializationHandler;
import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.config.Keys;
import io.mcpconfig.schemas.config.Settings;
import io.mcpconfig.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Everything the materializer is configured with, validated when built. Immutable.
 *
 * @param kafka the deployment's Kafka settings: address, topics (prefix and partitions of the topics it
 *     creates), replication factor of what it creates (empty = the broker's default), client properties
 * @param applicationId Kafka Streams application id: instances with the same id share the work
 * @param stateDir where Kafka Streams keeps its local state
 * @param streamThreads stream threads of this instance
 * @param commitIntervalMs how often output is committed (a defaults transaction asks for a commit at
 *     once, so its fan-out does not wait); clients read views uncommitted, so it does not delay them
 * @param statusIntervalSeconds period of the one-line status log; 0 turns it off
 * @param streamsOverrides extra Kafka Streams settings (tests, tuning); applied last
 */
public record MaterializerConfig(
        KafkaSettings kafka, String applicationId, Path stateDir, int streamThreads,
        int commitIntervalMs, int statusIntervalSeconds,
        Map<String, Object> streamsOverrides) {

    public static final String APPLICATION_ID = "MCPCONFIG_APPLICATION_ID";
    public static final String STREAM_THREADS = "MCPCONFIG_STREAM_THREADS";
    public static final String REPLICATION_FACTOR = Keys.REPLICATION_FACTOR;
    public static final String COMMIT_INTERVAL_MS = "MCPCONFIG_COMMIT_INTERVAL_MS";
    public static final String STATUS_INTERVAL_S = "MCPCONFIG_STATUS_INTERVAL_S";
    public static final String SESSION_TIMEOUT_MS = "MCPCONFIG_SESSION_TIMEOUT_MS";

    /**
     * Set deliberately (Streams' default under exactly-once is 100 ms): clients read views
     * uncommitted, so the interval does not delay them, and a defaults transaction requests its own
     * commit so the fan-out (which reads the broadcast read_committed) does not wait for it. What is
     * left is how often a transaction is paid for: at 100 ms the stream thread was parked in the
     * commit about a third of the time under load. See decision 15.
     */
    public static final int DEFAULT_COMMIT_INTERVAL_MS = 1000;
    /**
     * Two, not Streams' one: the materializer must not be the stage that falls behind, and on a machine
     * it shares (the benchmark's, or a small node) one thread gets one thread's share of the cores and
     * stalls the whole stage during each commit. Two threads overlap one's commit with the other's work
     * and split the partitions (decision 17).
     */
    public static final int DEFAULT_STREAM_THREADS = 2;
    /** Record cache of the transaction buffer: a commit interval of row events at thousands per second. */
    static final long BUFFER_CACHE_BYTES = 32L * 1024 * 1024;

    public MaterializerConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        streamsOverrides = Map.copyOf(streamsOverrides);
    }

    /** Defaults for everything but where the broker and the state are. */
    public static MaterializerConfig of(String bootstrap, Topics topics, Path stateDir) {
        return of(KafkaSettings.of(bootstrap, topics), stateDir);
    }

    /** As {@link #of(String, Topics, Path)}, with all Kafka settings (e.g. SASL). */
    public static MaterializerConfig of(KafkaSettings kafka, Path stateDir) {
        return new MaterializerConfig(kafka, kafka.topics().materializerApplicationId(), stateDir, DEFAULT_STREAM_THREADS,
                DEFAULT_COMMIT_INTERVAL_MS, 60, Map.of());
    }

    public String bootstrap() {
        return kafka.bootstrap();
    }

    public Topics topics() {
        return kafka.topics();
    }

    public Optional<Short> replicationFactor() {
        return kafka.replicationFactor();
    }

    public MaterializerConfig withApplicationId(String id) {
        return new MaterializerConfig(kafka, id, stateDir, streamThreads,
                commitIntervalMs, statusIntervalSeconds, streamsOverrides);
    }

    public MaterializerConfig withStateDir(Path dir) {
        return new MaterializerConfig(kafka, applicationId, dir, streamThreads,
                commitIntervalMs, statusIntervalSeconds, streamsOverrides);
    }

    public MaterializerConfig withStreamsOverrides(Map<String, Object> overrides) {
        return new MaterializerConfig(kafka, applicationId, stateDir, streamThreads,
                commitIntervalMs, statusIntervalSeconds, overrides);
    }

    /**
     * From the environment-style settings; throws {@link BadSettingException} naming the key and the fix.
     */
    public static MaterializerConfig fromSettings(Settings settings) {
        KafkaSettings kafka = KafkaSettings.fromSettings(settings);
        String applicationId = settings.string(APPLICATION_ID, kafka.topics().materializerApplicationId());
        if (!applicationId.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new BadSettingException(APPLICATION_ID, "'" + applicationId + "' must be 1-200 characters of [A-Za-z0-9._-]");
        }
        Path stateDir = stateDir(settings.string(Keys.STATE_DIR,
                Path.of(System.getProperty("java.io.tmpdir"), "mcpconfig-materializer").toString()));
        int threads = settings.integer(STREAM_THREADS, DEFAULT_STREAM_THREADS, 1, 64);
        int commit = settings.integer(COMMIT_INTERVAL_MS, DEFAULT_COMMIT_INTERVAL_MS, 1, 60_000);
        int status = settings.integer(STATUS_INTERVAL_S, 60, 0, 86_400);
        Map<String, Object> overrides = settings.optional(SESSION_TIMEOUT_MS).isEmpty() ? Map.of() : failover(
                settings.integer(SESSION_TIMEOUT_MS, 45_000, 6_000, 300_000));
        return new MaterializerConfig(kafka, applicationId, stateDir, threads, commit, status, overrides);
    }

    /**
     * Settings for how soon the work of an instance that died without leaving moves to the others:
     * its group membership expires after {@code sessionTimeoutMs}, and its open transaction (which
     * holds back read_committed readers of the partitions it wrote) is aborted after the same time.
     */
    public static Map<String, Object> failover(int sessionTimeoutMs) {
        return Map.of(
                StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), sessionTimeoutMs,
                StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), Math.max(500, sessionTimeoutMs / 4),
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), sessionTimeoutMs);
    }

    private static Path stateDir(String raw) {
        Path dir = Path.of(raw).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            throw new BadSettingException(Keys.STATE_DIR, "can't create directory " + dir + " (" + e.getMessage()
                    + "); set it to a writable directory");
        }
        if (!Files.isWritable(dir)) {
            throw new BadSettingException(Keys.STATE_DIR, dir + " is not writable; set it to a writable directory");
        }
        return dir;
    }

    /** The Kafka Streams settings; {@code registry} receives the meters of skipped, undecodable records. */
    public Properties streamsProperties(MeterRegistry registry) {
        // Address and pass-through client properties (security): Streams hands them to all its clients.
        Properties p = new Properties();
        p.putAll(kafka.common());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        kafka.replicationFactor().ifPresent(rf -> p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) rf));
        // Streams never auto-creates its input (it checks the source topics exist); say so for every consumer.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG), "false");
        // Exactly-once: rows, LSN watermarks, the buffer, the defaults copy, views and input offsets
        // commit together. See docs/decisions/config-materializer.md for why not at-least-once.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        // A task reads two topics (changes, defaults broadcast). By default it waits to learn the other
        // input has nothing older before processing (timestamp synchronization), which is meaningless
        // here: the two are independent streams ordered by LSN. Never wait: process what is there.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        // The record cache serves only the buffer store (the one store with caching enabled: see
        // MaterializerTopology); views are forwarded by the processors, never from a cache.
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, BUFFER_CACHE_BYTES);
        // Kafka 4 producers wait 5 ms for a batch by default: every view would pay it.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        // Transactions v2: the first write of a transaction to a partition can meet the previous commit's
        // markers still in flight and be answered CONCURRENT_TRANSACTIONS, which the producer retries after
        // retry.backoff.ms (100 ms by default), holding that commit back; 20 ms is what Kafka itself chose
        // for the same wait before v2 (KAFKA-5477, KAFKA-18654). Decision 19.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 20);
        // Views repeat the same defaults across orgs: zstd; a view may be as large as the topic allows.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.VIEW_MAX_BYTES + 1024 * 1024);
        // Internal topics (changelogs, broadcast) carry change events and whole defaults transactions.
        p.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), String.valueOf(Topics.VIEW_MAX_BYTES));
        // Records become readable (read_committed) when a transaction marker moves the stable offset; a
        // waiting fetch may not notice before fetch.max.wait.ms (500 ms by default): bound that wait.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 20);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, SkippingDeserializationHandler.class);
        // Kafka Streams 4.3 warns at every start unless this is set; true is what 5.0 will do anyway
        // (the processing handler, the default fail-fast one here, also covers the global thread).
        // The partition assignor reads a StreamsConfig of its own from the main consumer's settings,
        // and warns too unless the flag reaches it there.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        p.put(SkippingDeserializationHandler.METRICS_CONFIG, new MaterializerMetrics(registry));
        p.putAll(streamsOverrides);
        return p;
    }
}
