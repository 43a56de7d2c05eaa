package io.mcpconfig.materializer;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.serde.AvroSerdes;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Real-broker helpers: produce ChangeEvents with the real serde, read the views topic as a client would. */
final class ItSupport {
    static final int PARTITIONS = 4;

    private ItSupport() {}

    static String bootstrap() {
        return TestServers.kafka().bootstrapServers();
    }

    static MaterializerConfig config(Topics topics, Path stateDir, String appId) {
        return MaterializerConfig.of(bootstrap(), topics, stateDir).withApplicationId(appId)
                .withStreamsOverrides(MaterializerConfig.failover(6_000));
    }

    static KafkaProducer<String, ChangeEvent> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), AvroSerdes.changeEvent());
    }

    /** Sends the events in order and waits for the broker's acknowledgement of each. */
    static void send(KafkaProducer<String, ChangeEvent> producer, Topics topics, Collection<ChangeEvent> events) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (ChangeEvent e : events) {
            acks.add(producer.send(new ProducerRecord<>(topics.changes().name(), e.getScope(), e)));
        }
        for (Future<RecordMetadata> f : acks) {
            try {
                f.get();
            } catch (InterruptedException | ExecutionException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    /** Every committed record of the views topic from {@code from} (offset per partition; empty = start) to its end. */
    static List<ConsumerRecord<String, OrgView>> readViews(Topics topics, Map<TopicPartition, Long> from) {
        try (KafkaConsumer<String, OrgView> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10), new StringDeserializer(), AvroSerdes.orgView())) {
            List<TopicPartition> parts = c.partitionsFor(topics.views().name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(parts);
            parts.forEach(tp -> c.seek(tp, from.getOrDefault(tp, 0L)));
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<ConsumerRecord<String, OrgView>> out = new ArrayList<>();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(100)).forEach(out::add);
            }
            return out;
        }
    }

    static Map<TopicPartition, Long> endOffsets(Topics topics) {
        try (KafkaConsumer<String, OrgView> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), AvroSerdes.orgView())) {
            List<TopicPartition> parts = c.partitionsFor(topics.views().name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return c.endOffsets(parts);
        }
    }

    /** The latest view per key, tombstoned keys left out: what a client holds after reading everything. */
    static Map<String, OrgView> compacted(List<ConsumerRecord<String, OrgView>> records) {
        Map<String, OrgView> m = new TreeMap<>();
        for (ConsumerRecord<String, OrgView> r : records) {
            if (r.value() == null) {
                m.remove(r.key());
            } else {
                m.put(r.key(), r.value());
            }
        }
        return m;
    }

    static Map<String, OrgView> compacted(Topics topics) {
        return compacted(readViews(topics, Map.of()));
    }

    /** Keys in the order their records were written, per key at most once. */
    static Map<String, Long> countByKey(List<ConsumerRecord<String, OrgView>> records) {
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, TreeMap::new, Collectors.counting()));
    }
}
