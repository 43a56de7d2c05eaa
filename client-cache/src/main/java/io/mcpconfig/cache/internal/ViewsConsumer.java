package io.mcpconfig.cache.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread: assigns the views topic's partitions (no group: every client holds its own
 * copy), seeks to the snapshot's offsets or the beginning, reads to the end offsets taken at start,
 * reports live, then applies updates as they come. Everything here runs on that one thread, except
 * {@link #wakeUp()}.
 */
final class ViewsConsumer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ViewsConsumer.class);
    /** How long one call may block on an unreachable broker before the loop checks for close. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(500);

    private final CacheConfig config;
    private final ViewApplier applier;
    private final ViewStore store;
    private final Progress progress;
    private final CacheMetrics metrics;
    private final SnapshotWriter snapshots;
    private final Runnable onLive;
    private final Map<Integer, Long> resumeOffsets;
    private final Consumer<String, byte[]> consumer;
    private final ViewsTopicWatch topicWatch;
    private volatile boolean closing;

    private List<TopicPartition> partitions;
    private Map<TopicPartition, Long> liveTargets;
    private boolean live;
    /** Partitions read again from the beginning while holding views: keys seen so far. */
    private final Map<TopicPartition, Reread> rereads = new HashMap<>();

    private static final class Reread {
        Long target;
        final Set<String> seen = new HashSet<>();
    }

    /** @param resumeOffsets next offset per partition to resume from (the snapshot's); may be empty */
    ViewsConsumer(CacheConfig config, ViewApplier applier, ViewStore store, Progress progress, CacheMetrics metrics,
                  SnapshotWriter snapshots, Map<Integer, Long> resumeOffsets, Runnable onLive,
                  ViewsTopicWatch.Report topicReport) {
        this.config = config;
        this.applier = applier;
        this.store = store;
        this.progress = progress;
        this.metrics = metrics;
        this.snapshots = snapshots;
        this.resumeOffsets = resumeOffsets;
        this.onLive = onLive;
        this.topicWatch = new ViewsTopicWatch(config, topicReport, CALL_TIMEOUT);
        this.consumer = new KafkaConsumer<>(consumerProperties(config), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    static Properties consumerProperties(CacheConfig config) {
        Properties p = new Properties();
        p.putAll(config.consumerProperties());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, p.getOrDefault(ConsumerConfig.CLIENT_ID_CONFIG,
                "mcpconfig-cache-" + config.topics().prefix()));
        // No group: positions are ours (the snapshot keeps them), and every client reads everything.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A library in someone else's process creates no topic: asking for a missing views topic's
        // partitions must not make a stock broker create it with cleanup.policy=delete.
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        // Every position is set explicitly (seek or seekToBeginning); an out-of-range one must
        // surface as an exception so we re-read that partition and drop views it no longer has,
        // rather than silently jump to the end and miss them.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // read_uncommitted, deliberately: a read_committed fetch waiting in the broker is not woken by
        // the transaction marker that makes a view readable, so every view would wait out
        // fetch.max.wait.ms (measured: ~100 ms per change). A view is full state computed
        // deterministically from committed database changes, so one from a materializer transaction
        // that is later aborted is re-emitted, identical, by the task that takes over; duplicates
        // and older revisions are dropped. See docs/decisions/client-cache.md.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        // Latency: a fetch waiting in the broker returns as soon as one byte arrives
        // (fetch.min.bytes=1), so this bound only matters when nothing arrives; kept small so an
        // idle loop turns often (lag, snapshot timing, close) without busy-polling the broker.
        p.putIfAbsent(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        p.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        // Views are up to Topics.VIEW_MAX_BYTES; one partition's fetch may carry several.
        p.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        // Reconnect quickly after a broker outage, but without hammering it.
        p.putIfAbsent(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, "50");
        p.putIfAbsent(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        return p;
    }

    void wakeUp() {
        closing = true;
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            while (!closing) {
                try {
                    if (partitions == null && !assign()) {
                        pause();
                        continue;
                    }
                    if (liveTargets == null) {
                        liveTargets = new HashMap<>(consumer.endOffsets(partitions, CALL_TIMEOUT));
                        LOG.info("reading {} to the end offsets {}", config.topics().views().name(), liveTargets);
                        targetRereads();
                    }
                    ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
                    for (ConsumerRecord<String, byte[]> r : records) {
                        applier.apply(r.key(), r.value(), r.partition());
                        Reread reread = rereads.get(new TopicPartition(r.topic(), r.partition()));
                        if (reread != null && r.key() != null) {
                            reread.seen.add(r.key());
                        }
                    }
                    afterBatch();
                } catch (OffsetOutOfRangeException e) {
                    rereadFromBeginning(e.partitions());
                } catch (WakeupException e) {
                    // closing
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closing = true;
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    LOG.warn("Kafka did not answer within {} ({}); serving what is held and retrying",
                            CALL_TIMEOUT, e.getMessage());
                } catch (KafkaException e) {
                    LOG.error("consuming {} failed; retrying", config.topics().views().name(), e);
                    pause();
                }
            }
        } finally {
            snapshots.writeFinal(this::captureSnapshot);
            topicWatch.close();
            consumer.close(CALL_TIMEOUT);
        }
    }

    private boolean assign() throws InterruptedException {
        String topic = config.topics().views().name();
        if (!topicWatch.usable()) {
            return false;
        }
        List<PartitionInfo> infos = consumer.partitionsFor(topic, CALL_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            return false; // deleted between the check and now: check again
        }
        Set<Integer> wanted = wantedPartitions(infos.size());
        partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            if (wanted == null || wanted.contains(info.partition())) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        for (TopicPartition tp : partitions) {
            Long resume = resumeOffsets.get(tp.partition());
            if (resume != null) {
                consumer.seek(tp, resume);
            } else {
                consumer.seekToBeginning(List.of(tp));
                if (holdsViewsOf(tp.partition())) {
                    rereads.put(tp, new Reread());
                }
            }
        }
        LOG.info("assigned {} (resuming {} of them from the snapshot)", partitions,
                partitions.stream().filter(tp -> resumeOffsets.containsKey(tp.partition())).count());
        return true;
    }

    /** The partitions the org filter's keys go to, or null for all. */
    private Set<Integer> wantedPartitions(int count) {
        if (config.orgFilter() == null) {
            return null;
        }
        // The producer's default partitioner for keyed records (murmur2 of the key): what the
        // materializer's Kafka Streams producer uses, so only these partitions hold our orgs.
        Set<Integer> wanted = new TreeSet<>();
        for (String key : config.orgFilter()) {
            wanted.add(partitionOf(key, count));
        }
        wanted.add(partitionOf(io.mcpconfig.schemas.Scopes.DEFAULTS, count));
        return wanted;
    }

    static int partitionOf(String key, int partitions) {
        return BuiltInPartitioner.partitionForKey(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), partitions);
    }

    private boolean holdsViewsOf(int partition) {
        for (StoredView v : store.all()) {
            if (v.partition() == partition) {
                return true;
            }
        }
        return false;
    }

    private void targetRereads() {
        for (Map.Entry<TopicPartition, Reread> e : rereads.entrySet()) {
            if (e.getValue().target == null) {
                e.getValue().target = liveTargets.get(e.getKey());
            }
        }
    }

    private void rereadFromBeginning(Collection<TopicPartition> outOfRange) {
        LOG.warn("stored offsets of {} are out of range (compaction, deleted records or a re-created topic): "
                + "re-reading them from the beginning", outOfRange);
        consumer.seekToBeginning(outOfRange);
        Map<TopicPartition, Long> ends = consumer.endOffsets(outOfRange, CALL_TIMEOUT);
        for (TopicPartition tp : outOfRange) {
            Reread reread = new Reread();
            reread.target = ends.get(tp);
            rereads.put(tp, reread);
            if (!live && liveTargets != null && reread.target != null) {
                liveTargets.merge(tp, reread.target, Math::min);
            }
        }
    }

    private void afterBatch() {
        long lag = 0;
        for (TopicPartition tp : partitions) {
            lag += consumer.currentLag(tp).orElse(0);
        }
        metrics.lag(lag);
        finishRereads();
        if (!live && liveTargets != null && reached(liveTargets)) {
            live = true;
            onLive.run();
        }
        progress.signal();
        snapshots.maybeWrite(this::captureSnapshot);
    }

    private void finishRereads() {
        rereads.entrySet().removeIf(e -> {
            Reread reread = e.getValue();
            if (reread.target == null || !reached(Map.of(e.getKey(), reread.target))) {
                return false;
            }
            int removed = 0;
            for (StoredView v : store.all()) {
                if (v.partition() == e.getKey().partition() && !reread.seen.contains(v.key())) {
                    applier.remove(v.key());
                    removed++;
                }
            }
            LOG.info("re-read {}: removed {} views it no longer holds", e.getKey(), removed);
            return true;
        });
    }

    private boolean reached(Map<TopicPartition, Long> targets) {
        for (Map.Entry<TopicPartition, Long> e : targets.entrySet()) {
            try {
                if (consumer.position(e.getKey(), Duration.ZERO) < e.getValue()) {
                    return false;
                }
            } catch (org.apache.kafka.common.errors.TimeoutException notYetKnown) {
                return false;
            }
        }
        return true;
    }

    /** Views and offsets as of now; called on this thread, so both are consistent. */
    private Snapshot captureSnapshot() {
        Map<Integer, Long> offsets = new HashMap<>();
        if (partitions != null) {
            for (TopicPartition tp : partitions) {
                if (rereads.containsKey(tp)) {
                    continue; // half re-read: the next start must re-read it again
                }
                try {
                    offsets.put(tp.partition(), consumer.position(tp, Duration.ZERO));
                } catch (KafkaException unknown) {
                    Long resume = resumeOffsets.get(tp.partition());
                    if (resume != null) {
                        offsets.put(tp.partition(), resume);
                    }
                }
            }
        } else {
            offsets.putAll(resumeOffsets); // never reached Kafka: keep what we started from
        }
        return new Snapshot(config.topics().views().name(), config.clock().millis(), config.orgFilter(), offsets,
                store.all());
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }
}
