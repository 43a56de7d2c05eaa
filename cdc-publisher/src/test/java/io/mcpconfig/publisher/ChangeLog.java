package io.mcpconfig.publisher;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.serde.AvroSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the changes topic from the start on a background thread with a plain KafkaConsumer and
 * decodes each value with {@link AvroSerdes}; keeps every record in arrival order with the time
 * it was received. Thread-safe.
 */
final class ChangeLog implements AutoCloseable {
    /** One consumed record: partition, key, decoded event, and when it arrived (System.nanoTime). */
    record Received(int partition, String key, ChangeEvent event, long receivedNanos) {}

    private final List<Received> received = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    ChangeLog(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10"); // latency: answer fetches at once
        // Started before the publisher: asking for the missing topic must not make the (stock) broker
        // create it with its defaults, which the publisher would then refuse.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        KafkaConsumer<String, ChangeEvent> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                AvroSerdes.changeEvent().deserializer());
        thread = new Thread(() -> consume(consumer, topic), "changelog-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void consume(KafkaConsumer<String, ChangeEvent> consumer, String topic) {
        try (consumer) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && !closed) { // the publisher may create the topic later
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!closed) {
                for (ConsumerRecord<String, ChangeEvent> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    synchronized (received) {
                        received.add(new Received(r.partition(), r.key(), r.value(), now));
                    }
                }
            }
        }
    }

    List<Received> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<ChangeEvent> events() {
        return all().stream().map(Received::event).toList();
    }

    List<ChangeEvent> events(Predicate<ChangeEvent> filter) {
        return events().stream().filter(filter).toList();
    }

    /** Row events (not COMMIT) of one scope, in arrival order. */
    List<ChangeEvent> rows(String scope) {
        return events(e -> e.getScope().equals(scope) && e.getOp() != ChangeOp.COMMIT);
    }

    List<ChangeEvent> commits(String scope) {
        return events(e -> e.getScope().equals(scope) && e.getOp() == ChangeOp.COMMIT);
    }

    /** The row events of one transaction for one scope, by seq (duplicates collapse). */
    List<ChangeEvent> transaction(String scope, String txId) {
        Map<Integer, ChangeEvent> bySeq = new java.util.TreeMap<>();
        for (ChangeEvent e : rows(scope)) {
            if (e.getTxId().equals(txId)) {
                bySeq.put(e.getSeq(), e);
            }
        }
        return new ArrayList<>(bySeq.values());
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(10_000);
    }
}
