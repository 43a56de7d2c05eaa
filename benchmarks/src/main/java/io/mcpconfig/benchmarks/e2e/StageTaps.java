package io.mcpconfig.benchmarks.e2e;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.serde.AvroSerdes;
import io.mcpconfig.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where a change is on its way: a consumer on {@code mcpconfig.changes} notes when each benchmark
 * template first appears there (the publisher's stage ends), one on {@code mcpconfig.views} when a
 * view first carries it (the materializer's ends). With the probe's commit and client times, each
 * sample splits into publisher, materializer and client latency, so a reader sees which stage holds
 * a backlog. Both read uncommitted, from the end, as the client does. The views tap also counts the
 * bytes it fetches, for the fan-out cost.
 */
final class StageTaps implements AutoCloseable {
    private static final String PROMPT = "code_review";

    final Map<String, Long> inChanges = new ConcurrentHashMap<>();
    final Map<String, Long> inViews = new ConcurrentHashMap<>();
    /** Value bytes (uncompressed Avro) and records of the views topic read so far. */
    final AtomicLong viewBytes = new AtomicLong();
    final AtomicLong viewRecords = new AtomicLong();
    /** Bytes the views tap fetched from the broker (compressed batches, as stored): what one client reads. */
    final AtomicLong viewFetchedBytes = new AtomicLong();
    private final Thread changes;
    private final Thread views;
    private volatile boolean closed;

    StageTaps(String bootstrap, Topics topics) {
        changes = tap(bootstrap, topics.changes().name(), this::onChange, null);
        views = tap(bootstrap, topics.views().name(), this::onView, viewFetchedBytes);
    }

    private void onChange(ConsumerRecord<String, byte[]> r, long now) {
        ChangeEvent e = AvroSerdes.changeEvent().deserialize(r.topic(), r.value());
        if (e != null && e.getAfter() instanceof PromptRow p && PROMPT.equals(p.getName()) && p.getTemplate() != null) {
            inChanges.putIfAbsent(p.getTemplate(), now);
        }
    }

    private void onView(ConsumerRecord<String, byte[]> r, long now) {
        viewRecords.incrementAndGet();
        if (r.value() == null) {
            return;
        }
        viewBytes.addAndGet(r.value().length);
        OrgView v = AvroSerdes.orgView().deserialize(r.topic(), r.value());
        for (ViewPrompt p : v.getPrompts()) {
            if (PROMPT.equals(p.getName())) {
                inViews.putIfAbsent(p.getTemplate(), now);
            }
        }
    }

    private interface Sink {
        void accept(ConsumerRecord<String, byte[]> record, long nanos);
    }

    private Thread tap(String bootstrap, String topic, Sink sink, AtomicLong fetchedBytes) {
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 32 * 1024 * 1024,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = c.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        c.assign(parts);
        c.seekToEnd(parts);
        parts.forEach(c::position); // resolve "end" now, not at the first poll
        Thread t = new Thread(() -> {
            try (c) {
                while (!closed) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                        sink.accept(r, System.nanoTime());
                    }
                    if (fetchedBytes != null) {
                        fetchedBytes.set(bytesConsumed(c));
                    }
                }
            }
        }, "tap-" + topic);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Bytes this consumer read off its sockets: the compressed batches as the broker sent them (the
     * fetch manager's bytes-consumed counts records after decompression, which is not what crossed the wire).
     */
    private static long bytesConsumed(KafkaConsumer<?, ?> c) {
        return c.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("incoming-byte-total") && e.getKey().group().equals("consumer-metrics"))
                .mapToLong(e -> ((Number) e.getValue().metricValue()).longValue()).sum();
    }

    /** Forgets what was seen (between phases, to bound memory). */
    void reset() {
        inChanges.clear();
        inViews.clear();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        changes.join(5_000);
        views.join(5_000);
    }
}
