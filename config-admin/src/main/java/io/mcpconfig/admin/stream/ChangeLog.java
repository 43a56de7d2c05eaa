package io.mcpconfig.admin.stream;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.serde.AvroSerdes;
import io.mcpconfig.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * The change stream ({@code <prefix>.changes}) for auditors and ops: audit queries, an org's view
 * as of an instant, and every view rebuilt into a new topic. Reads only: no consumer group, no
 * offsets committed, no topic auto-created. Thread-safe: each call opens its own consumer.
 */
public final class ChangeLog implements AutoCloseable {
    private static final int PROGRESS_EVERY = 5_000;

    private final KafkaSettings connection;
    private final Topics topics;
    private final Admin admin;

    private ChangeLog(KafkaSettings connection) {
        this.connection = connection;
        this.topics = connection.topics();
        this.admin = Clients.admin(connection);
    }

    /** Connects to the deployment's brokers and topics; nothing is read until a call. */
    public static ChangeLog connect(KafkaSettings kafka) {
        return new ChangeLog(Objects.requireNonNull(kafka, "kafka"));
    }

    public Topics topics() {
        return topics;
    }

    /**
     * Opens an audit: the query's row changes in commit order, from {@code since} (found by
     * timestamp, not by reading from the start) to {@code until} or the end; with {@code follow},
     * then new ones as they come. An org filter reads only the org's partition.
     *
     * @throws MissingTopicException if the changes topic does not exist
     */
    public AuditCursor audit(AuditQuery query, boolean follow) {
        List<TopicPartition> partitions = changesPartitions();
        if (query.scope() != null) {
            partitions = List.of(partitionOf(query.scope(), partitions));
        }
        return new AuditCursor(reader(partitions, query.since(), query.until(), follow), query);
    }

    /**
     * The view org {@code org} was served at {@code at}: every transaction of the org and of the
     * defaults committed at or before it, replayed as the materializer applies them, merged by
     * {@code MergeRule}. Reads the two partitions holding those scopes from their start up to {@code at}.
     * Use {@code _defaults} for the defaults-only view.
     *
     * @return empty when the org did not exist at that instant
     */
    public Optional<OrgView> asOf(String org, Instant at) {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(at, "at");
        List<TopicPartition> all = changesPartitions();
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        partitions.add(partitionOf(org, all));
        partitions.add(partitionOf(Scopes.DEFAULTS, all));
        Replay replay = new Replay();
        OrderedReader reader = reader(new ArrayList<>(partitions), null, at, false);
        try {
            while (reader.hasNext()) {
                ChangeEvent e = reader.next();
                if (org.equals(e.getScope()) || Scopes.isDefaults(e.getScope())) {
                    replay.accept(e.getScope(), e);
                }
            }
        } finally {
            reader.release();
        }
        return Optional.ofNullable(replay.view(org));
    }

    /**
     * Recomputes every view from the whole changes topic (up to its end when called) and writes them
     * to the new topic {@code into}, created with the views topic's settings; with {@code verify}, then
     * compares them with the live views topic.
     *
     * @param progress called every few thousand events and once at the end (on this thread)
     * @throws IllegalArgumentException if {@code into} already exists or is the live views topic
     */
    public RebuildReport rebuildViews(String into, boolean verify, Consumer<RebuildProgress> progress) {
        Objects.requireNonNull(into, "into");
        if (into.equals(topics.views().name())) {
            throw new IllegalArgumentException("--into must be a new topic, not the live views topic " + into);
        }
        List<TopicPartition> partitions = changesPartitions();
        int viewPartitions = Clients.partitions(admin, topics.views().name()).size();
        requireNew(into);
        Replay replay = new Replay();
        long read = 0;
        long start = System.nanoTime();
        OrderedReader reader = reader(partitions, null, null, false);
        long total;
        try {
            total = total(partitions, reader.endOffsets());
            while (reader.hasNext()) {
                ChangeEvent e = reader.next();
                replay.accept(e.getScope(), e);
                if (++read % PROGRESS_EVERY == 0) {
                    progress.accept(new RebuildProgress(read, Math.max(total, read), System.nanoTime() - start));
                }
            }
        } finally {
            reader.release();
        }
        progress.accept(new RebuildProgress(read, read, System.nanoTime() - start));
        Map<String, OrgView> views = new HashMap<>();
        for (String scope : replay.liveScopes()) {
            views.put(scope, replay.view(scope));
        }
        createTopic(into, viewPartitions);
        write(into, views);
        List<ViewDifference> differences = verify ? ViewDiff.compare(views, liveViews()) : List.of();
        return new RebuildReport(into, read, views, replay.skipped(), replay.incompleteTransactions(), differences);
    }

    /** The views topic as a client sees it after reading to its end: the latest view of each key (tombstones remove). */
    public Map<String, OrgView> liveViews() {
        return ViewsTopic.read(connection, admin, topics.views().name());
    }

    private OrderedReader reader(List<TopicPartition> partitions, Instant since, Instant until, boolean follow) {
        return reader(partitions, since, until, follow, null);
    }

    OrderedReader reader(List<TopicPartition> partitions, Instant since, Instant until, boolean follow,
                         Map<TopicPartition, Long> startAt) {
        KafkaConsumer<String, byte[]> consumer = Clients.reader(connection);
        try {
            return new OrderedReader(consumer, partitions, since, until, follow, startAt);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Commit time of the stream's first event (the publisher's first snapshot, normally); empty if the stream is empty. */
    Optional<Instant> firstCommitTime() {
        List<TopicPartition> partitions = changesPartitions();
        try (KafkaConsumer<String, byte[]> c = Clients.reader(connection)) {
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            Set<TopicPartition> pending = new java.util.HashSet<>();
            partitions.stream().filter(p -> c.position(p) < end.get(p)).forEach(pending::add);
            Instant first = null;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Clients.TIMEOUT_MS);
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                for (var r : c.poll(java.time.Duration.ofMillis(200))) {
                    TopicPartition p = new TopicPartition(r.topic(), r.partition());
                    if (pending.remove(p)) {
                        c.pause(List.of(p));
                        try {
                            Instant t = AvroSerdes.changeEvent().deserialize(r.topic(), r.value()).getCommitTime();
                            first = first == null || t.isBefore(first) ? t : first;
                        } catch (RuntimeException undecodable) {
                            // not an event: its partition's next records are later anyway
                        }
                    }
                }
            }
            return Optional.ofNullable(first);
        }
    }

    List<TopicPartition> changesPartitions() {
        return Clients.partitions(admin, topics.changes().name());
    }

    /** The partition the publisher sends a scope's events to: the producer's default for a keyed record. */
    static TopicPartition partitionOf(String scope, List<TopicPartition> partitions) {
        int p = Utils.toPositive(Utils.murmur2(scope.getBytes(StandardCharsets.UTF_8))) % partitions.size();
        return new TopicPartition(partitions.get(0).topic(), p);
    }

    private long total(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        try (KafkaConsumer<String, byte[]> c = Clients.reader(connection)) {
            c.assign(partitions);
            Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
            long sum = 0;
            for (TopicPartition p : partitions) {
                sum += end.get(p) - begin.get(p);
            }
            return sum;
        }
    }

    private void requireNew(String name) {
        try {
            if (admin.listTopics().names().get(Clients.TIMEOUT_MS, TimeUnit.MILLISECONDS).contains(name)) {
                throw new IllegalArgumentException("topic " + name + " already exists: --into must name a new topic");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not list topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted listing topics", e);
        }
    }

    private void createTopic(String name, int partitions) {
        try {
            NewTopic topic = new NewTopic(name, Optional.of(partitions), connection.replicationFactor()).configs(topics.views().configs());
            admin.createTopics(List.of(topic)).all().get(Clients.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + Clients.TIMEOUT_MS + " ms creating " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating " + name, e);
        }
    }

    private void write(String topic, Map<String, OrgView> views) {
        try (KafkaProducer<String, byte[]> producer = Clients.writer(connection)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            views.forEach((scope, view) ->
                    sent.add(producer.send(new ProducerRecord<>(topic, scope, AvroSerdes.orgView().serialize(topic, view)))));
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get(Clients.TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write views to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the views written to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing views to " + topic, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
