package io.mcpconfig.publisher.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpconfig.schemas.config.KafkaSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Debezium offsets this publisher stored in Kafka, read the way Kafka Connect reads them
 * (last value per key wins, a null value deletes), so we can tell "never completed a snapshot"
 * from "has a position" before the engine starts, and can forget them for a re-snapshot.
 */
public final class StoredOffsets {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final Map<ByteBuffer, byte[]> entries;

    private StoredOffsets(String topic, Map<ByteBuffer, byte[]> entries) {
        this.topic = topic;
        this.entries = entries;
    }

    /**
     * Reads the whole offsets topic (small: one key per publisher); absent topic = no offsets. The
     * consumer never auto-creates it: Kafka Connect's offset store must find it compacted.
     */
    public static StoredOffsets read(KafkaSettings kafka, Duration timeout) {
        String topic = kafka.topics().publisherOffsets().name();
        Properties props = kafka.consumer();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<ByteBuffer, byte[]> entries = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                return new StoredOffsets(topic, entries);
            }
            List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (tps.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read offsets topic " + topic + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null) {
                        continue;
                    }
                    if (r.value() == null) {
                        entries.remove(ByteBuffer.wrap(r.key()));
                    } else {
                        entries.put(ByteBuffer.wrap(r.key()), r.value());
                    }
                }
            }
        }
        return new StoredOffsets(topic, entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The stored WAL position, for messages ("0/16B3748"), or "?" if unreadable. */
    public String describeLsn() {
        for (byte[] value : entries.values()) {
            try {
                JsonNode node = JSON.readTree(new String(value, StandardCharsets.UTF_8));
                if (node.has("lsn")) {
                    return Lsns.format(node.get("lsn").asLong());
                }
            } catch (IOException ignored) {
                // fall through
            }
        }
        return "?";
    }

    /** Deletes every stored offset (tombstones), so the engine starts as if new. Blocks until acknowledged. */
    public void forget(KafkaSettings kafka, Duration timeout) throws Exception {
        Properties props = kafka.producer();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ByteBuffer key : entries.keySet()) {
                byte[] k = new byte[key.remaining()];
                key.duplicate().get(k);
                producer.send(new ProducerRecord<>(topic, k, null)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        entries.clear();
    }
}
