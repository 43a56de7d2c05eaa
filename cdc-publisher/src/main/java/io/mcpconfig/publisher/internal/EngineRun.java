package io.mcpconfig.publisher.internal;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.mcpconfig.publisher.PublisherConfig;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.topics.TopicSpec;
import io.mcpconfig.schemas.topics.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * One run of the Debezium engine with its own producer, from start until it stops (error, or
 * {@link #close()}). A failed run is thrown away whole: a fresh producer and engine resume from
 * the stored offsets. Thread-safe.
 */
public final class EngineRun implements AutoCloseable {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, ChangeEvent> producer;
    private final ChangeSender sender;
    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private final ExecutorService executor;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable error;
    private volatile String message;

    private EngineRun(PublisherConfig config, PublisherMetrics metrics, boolean firstStart) {
        TopicSpec<String, ChangeEvent> changes = config.topics().changes();
        producer = new KafkaProducer<>(producerProperties(config), changes.keySerde().serializer(), changes.valueSerde().serializer());
        sender = new ChangeSender(new RecordDecoder(config.topics().prefix()), new TransactionFramer(config.maxTransactionBytes(), firstStart),
                producer, changes.name(), ACK_TIMEOUT, metrics);
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(EngineProperties.of(config))
                .notifying(sender)
                .using((success, msg, err) -> {
                    message = msg;
                    error = err;
                    done.countDown();
                })
                .build();
        executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "mcpconfig-publisher-engine"));
    }

    /** Starts the engine; {@code firstStart}: no offsets are stored, so Debezium takes the initial snapshot. */
    public static EngineRun start(PublisherConfig config, PublisherMetrics metrics, boolean firstStart) {
        EngineRun run = new EngineRun(config, metrics, firstStart);
        run.executor.execute(run.engine);
        return run;
    }

    /** Waits up to {@code timeout}; true once the engine has stopped. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why the engine stopped, for the log. */
    public String outcome() {
        Throwable e = error;
        return e == null ? String.valueOf(message) : message + ": " + rootMessage(e);
    }

    /** An error that another run would only repeat, or null. */
    public RuntimeException fatal() {
        return sender.fatal();
    }

    /** Stops the engine (it stores the offsets of complete transactions) and the producer; bounded. */
    @Override
    public void close() {
        try {
            engine.close();
        } catch (IOException | RuntimeException e) {
            // stopping anyway
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
    }

    static Properties producerProperties(PublisherConfig config) {
        Properties p = config.kafka().producer();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "mcpconfig-publisher-" + config.slot());
        // At-least-once without reordering or duplicates from retries: acks from all replicas,
        // idempotence (keeps order per partition across retries with up to 5 in flight).
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        // Latency: Kafka 4 waits 5 ms by default to fill batches; a config change should not wait.
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(Topics.CHANGE_MAX_BYTES));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
        return p;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e.getMessage() + " (cause: " + root + ")";
    }
}
