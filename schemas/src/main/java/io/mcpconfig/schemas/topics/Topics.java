package io.mcpconfig.schemas.topics;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ClientReceipt;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.serde.AvroSerdes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of one deployment, named from one prefix ({@code mcpconfig} by default), so
 * several deployments (or tests) can share a broker. Immutable and thread-safe.
 */
public final class Topics {
    public static final String DEFAULT_PREFIX = "mcpconfig";
    /** Partitions of the changes topic; scale the materializer by raising it (before first use). */
    public static final int DEFAULT_PARTITIONS = 6;
    /** The largest view a record may carry: two scopes of at most 8 MiB each (database limit) plus headroom. */
    public static final int VIEW_MAX_BYTES = 20 * 1024 * 1024;
    /** The largest change event: a before- and an after-image of at most ~1 MiB of content each. */
    public static final int CHANGE_MAX_BYTES = 4 * 1024 * 1024;

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final String prefix;
    private final int partitions;
    private final TopicSpec<String, ChangeEvent> changes;
    private final TopicSpec<String, OrgView> views;
    private final TopicSpec<String, ClientReceipt> clients;
    private final TopicSpec<byte[], byte[]> publisherOffsets;

    private Topics(String prefix, int partitions) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "topic prefix '" + prefix + "' must be 1-100 characters of [A-Za-z0-9._-]");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        this.prefix = prefix;
        this.partitions = partitions;
        // Retained forever: this is the audit stream, and replaying it rebuilds every view.
        // Fixed partitions: a scope's events must stay on one partition, and Streams sizes the
        // materializer's internal topics from it; every service must agree on the count.
        this.changes = new TopicSpec<>(prefix + ".changes", Serdes.String(), AvroSerdes.changeEvent(), partitions, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(CHANGE_MAX_BYTES),
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"), true);
        // Compacted full state per org; zstd because views of many orgs repeat the same defaults.
        this.views = new TopicSpec<>(prefix + ".views", Serdes.String(), AvroSerdes.orgView(), partitions, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(VIEW_MAX_BYTES),
                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
                TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(TimeUnit.HOURS.toMillis(1)),
                // A client that was away for less than this still sees an org's deletion.
                TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(7))));
        // One small record per running cache, compacted: the latest receipt of each client is all
        // anyone reads. One partition: a status read is a single small fetch.
        this.clients = new TopicSpec<>(prefix + ".clients", Serdes.String(), AvroSerdes.clientReceipt(), 1, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
                TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(TimeUnit.HOURS.toMillis(1)),
                TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(1))));
        // Kafka Connect's offset store refuses a topic that is not compacted; one key per publisher.
        this.publisherOffsets = new TopicSpec<>(prefix + ".publisher.offsets", Serdes.ByteArray(), Serdes.ByteArray(), 1,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    public static Topics withPrefix(String prefix) {
        return new Topics(prefix, DEFAULT_PARTITIONS);
    }

    public static Topics withPrefix(String prefix, int partitions) {
        return new Topics(prefix, partitions);
    }

    public String prefix() {
        return prefix;
    }

    /** Partitions of the changes and views topics when our services create them. */
    public int partitions() {
        return partitions;
    }

    /** {@code <prefix>.changes}: one event per row change, keyed by scope, kept forever. */
    public TopicSpec<String, ChangeEvent> changes() {
        return changes;
    }

    /** {@code <prefix>.views}: each org's merged view, keyed by org id (and {@code _defaults}), compacted. */
    public TopicSpec<String, OrgView> views() {
        return views;
    }

    /**
     * {@code <prefix>.clients}: each running client-cache's receipt (what it holds, how far it got),
     * keyed by client id, compacted; a closed cache leaves a tombstone.
     */
    public TopicSpec<String, ClientReceipt> clients() {
        return clients;
    }

    /** {@code <prefix>.publisher.offsets}: Debezium's source offsets (compacted, one partition). */
    public TopicSpec<byte[], byte[]> publisherOffsets() {
        return publisherOffsets;
    }

    /** Kafka Streams application id of the materializer; its internal topics start with it. */
    public String materializerApplicationId() {
        return prefix + ".materializer";
    }

    /**
     * The topics this deployment owns: the publisher and the materializer each create whichever is
     * missing and verify the rest ({@link TopicSetup}), so either may start first.
     */
    public List<TopicSpec<?, ?>> owned() {
        return List.of(changes, views, clients, publisherOffsets);
    }

    /**
     * Creates whichever of {@link #owned()} is missing and verifies the others, through
     * {@link TopicSetup#ensure}. Blocks up to {@code timeoutMs}.
     *
     * @throws io.mcpconfig.schemas.config.BadSettingException naming a topic with a wrong setting and the fix
     */
    public void ensureCreated(Admin admin, Optional<Short> replicationFactor, long timeoutMs)
            throws InterruptedException, TimeoutException {
        TopicSetup.ensure(admin, owned(), replicationFactor, "kafka-configs.sh --bootstrap-server <bootstrap>",
                java.time.Duration.ofMillis(timeoutMs));
    }
}
