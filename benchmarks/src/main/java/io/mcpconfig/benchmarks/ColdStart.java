package io.mcpconfig.benchmarks;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.serde.AvroSerdes;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Cold start of a client with {@value #ORGS} org views (plus the defaults): the time from
 * {@code build()} to ready, first from Kafka (no snapshot), then from the local snapshot that the
 * first run wrote on close (with the broker stopped, so only the snapshot can serve). A
 * measurement, not a test: it prints figures and asserts nothing. Budgets (DESIGN.md): ready in
 * at most 3 s from Kafka, 1 s from the snapshot.
 *
 * <p>Starts its own in-process broker (testkit). Run (from the repository root):
 * <pre>
 * mvn -q -B -o -pl benchmarks -am package -DskipTests
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar io.mcpconfig.benchmarks.ColdStart
 * </pre>
 */
public final class ColdStart {
    static final int ORGS = 10_000;
    private static final Duration WAIT = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("mcpconfig-coldstart-");
        Path snapshot = dir.resolve("views.snapshot");
        try (KafkaBroker broker = KafkaBroker.start()) {
            Topics topics = Topics.withPrefix("coldstart");
            broker.createTopic(topics.views().name(), topics.views().partitions(), topics.views().configs());
            long bytes = produce(broker, topics);
            System.out.printf("produced %,d views, %,d bytes serialized (%,d per view)%n", ORGS + 1, bytes,
                    bytes / (ORGS + 1));

            for (int run = 1; run <= 3; run++) {
                Files.deleteIfExists(snapshot);
                long start = System.nanoTime();
                try (ConfigCache cache = build(broker, topics, snapshot)) {
                    check(cache.awaitReady(WAIT));
                    long ready = System.nanoTime() - start;
                    check(cache.orgIds().size() == ORGS);
                    System.out.printf("run %d from Kafka: ready in %d ms%n", run, ready / 1_000_000);
                }
            }
            broker.stop();
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                try (ConfigCache cache = build(broker, topics, snapshot)) {
                    check(cache.awaitReady(WAIT));
                    long ready = System.nanoTime() - start;
                    check(cache.orgIds().size() == ORGS);
                    long firstReads = System.nanoTime();
                    for (int i = 0; i < ORGS; i++) {
                        check(cache.forOrg(SampleViews.orgId(i)).prompt(SampleViews.promptName(0)) != null);
                    }
                    System.out.printf("run %d from the snapshot (%,d bytes, broker stopped): ready in %d ms; "
                                    + "then first read of every org (decoding) %d ms%n", run, Files.size(snapshot),
                            ready / 1_000_000, (System.nanoTime() - firstReads) / 1_000_000);
                }
            }
        } finally {
            Files.deleteIfExists(snapshot);
            Files.deleteIfExists(dir);
        }
    }

    private static ConfigCache build(KafkaBroker broker, Topics topics, Path snapshot) {
        return ConfigCache.builder().bootstrapServers(broker.bootstrapServers()).topics(topics).snapshot(snapshot)
                .build();
    }

    private static long produce(KafkaBroker broker, Topics topics) {
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 20 << 20),
                new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            bytes += send(producer, topics, SampleViews.defaults());
            for (int i = 0; i < ORGS; i++) {
                bytes += send(producer, topics, SampleViews.org(i, 100 + i));
            }
            producer.flush();
        }
        return bytes;
    }

    private static int send(KafkaProducer<String, byte[]> producer, Topics topics, OrgView view) {
        byte[] value = AvroSerdes.orgView().serialize("views", view);
        producer.send(new ProducerRecord<>(topics.views().name(), view.getOrgId(), value));
        return value.length;
    }

    private static void check(boolean condition) {
        if (!condition) {
            throw new IllegalStateException("cold start check failed");
        }
    }
}
