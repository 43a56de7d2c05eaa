package io.mcpconfig.benchmarks.materializer;

import io.mcpconfig.materializer.ConfigMaterializer;
import io.mcpconfig.materializer.MaterializerConfig;
import io.mcpconfig.materializer.internal.MaterializerMetrics;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.serde.AvroSerdes;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.TempDirs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The materializer alone: a backlog of synthetic transactions is written to the changes topic first,
 * then one materializer instance drains it; prints the transactions applied per second. No
 * PostgreSQL, no publisher, and with {@code --bootstrap} the broker in another JVM
 * ({@link BrokerMain}), so a JFR recording of this JVM is the materializer's:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.mcpconfig.benchmarks.materializer.BrokerMain /tmp/bootstrap &amp;
 * java -XX:StartFlightRecording=filename=/tmp/m.jfr -cp benchmarks/target/benchmarks.jar \
 *   io.mcpconfig.benchmarks.materializer.MaterializerThroughput --bootstrap $(cat /tmp/bootstrap) [--threads 2]
 *   [--orgs 1000] [--tx 20000] [--rows 1] [--fanouts 0]
 * </pre>
 */
public final class MaterializerThroughput {
    private MaterializerThroughput() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int orgs = Integer.parseInt(opts.getOrDefault("orgs", "1000"));
        int txs = Integer.parseInt(opts.getOrDefault("tx", "20000"));
        int rows = Integer.parseInt(opts.getOrDefault("rows", "1"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", "1"));
        int partitions = Integer.parseInt(opts.getOrDefault("partitions", "4"));
        int fanOuts = Integer.parseInt(opts.getOrDefault("fanouts", "0"));
        KafkaBroker own = opts.containsKey("bootstrap") ? null : KafkaBroker.start();
        String bootstrap = own == null ? opts.get("bootstrap") : own.bootstrapServers();
        System.out.printf("%s%n", run(bootstrap, orgs, txs, rows, threads, partitions, fanOuts));
        if (own != null) {
            own.close();
        }
        System.exit(0);
    }

    /** One run on a fresh set of topics; returns a one-line summary. */
    static String run(String bootstrap, int orgs, int txs, int rows, int threads, int partitions, int fanOuts)
            throws Exception {
        Topics topics = Topics.withPrefix("mt" + System.nanoTime(), partitions);
        SyntheticChanges changes = new SyntheticChanges().defaults(20, 5);
        for (int i = 0; i < orgs; i++) {
            changes.org(org(i));
        }
        int setup = changes.transactions();
        List<ChangeEvent> setupEvents = List.copyOf(changes.events());
        changes.events().clear();
        for (int i = 0; i < txs; i++) {
            changes.overrides(org(i % orgs), rows, "template " + i + " {{text}}");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics.ensureCreated(admin, Optional.empty(), 30_000);
        }
        produce(bootstrap, topics, setupEvents);
        Path state = Files.createTempDirectory("mcpconfig-mt-");
        MaterializerConfig config = MaterializerConfig.of(bootstrap, topics, state);
        config = new MaterializerConfig(config.kafka(), config.applicationId(), state, threads,
                config.commitIntervalMs(), 0, Map.of());
        MeterRegistry registry = new SimpleMeterRegistry();
        try (ConfigMaterializer m = ConfigMaterializer.start(config, registry)) {
            // First every org and its view (the first defaults fan-out releases them), then the load:
            // measured is the steady state, each transaction applied and its view emitted.
            awaitApplied(registry, setup, TimeUnit.MINUTES.toNanos(5));
            await(registry, MaterializerMetrics.VIEWS_EMITTED, setup, TimeUnit.MINUTES.toNanos(5));
            long t0 = System.nanoTime();
            double base = applied(registry);
            produce(bootstrap, topics, changes.events());
            awaitApplied(registry, setup + txs, TimeUnit.MINUTES.toNanos(10));
            double seconds = (System.nanoTime() - t0) / 1e9;
            String line = String.format("materializer alone: %d stream thread(s), %d partitions, %d orgs: %,.0f transactions"
                    + " of %d row(s) in %.1f s = %,.0f transactions/s", threads, partitions, orgs,
                    setup + txs - base, rows, seconds, (setup + txs - base) / seconds);
            for (int k = 1; k <= fanOuts; k++) {
                line += "\n" + fanOut(bootstrap, topics, registry, changes, orgs, partitions, k);
            }
            return line + "\n(" + m.statusLine() + ")";
        } finally {
            TempDirs.deleteRecursively(state);
        }
    }

    /**
     * One default change every org inherits (prompt_1; the overrides are of prompt_0), so every org's
     * view changes: the wall time from sending it until the last org view is emitted (sent, not yet
     * committed), and the fan-out processors' own time (the fan-out timer, summed over the tasks) per org.
     */
    private static String fanOut(String bootstrap, Topics topics, MeterRegistry registry, SyntheticChanges changes,
                                 int orgs, int partitions, int k) throws Exception {
        changes.events().clear();
        changes.defaultPrompt(1, "changed " + k + " {{text}} " + "x".repeat(1_000));
        double views = count(registry, MaterializerMetrics.VIEWS_EMITTED);
        var timer = registry.find(MaterializerMetrics.FANOUT_TIME).timer();
        double busyBefore = timer == null ? 0 : timer.totalTime(TimeUnit.MICROSECONDS);
        long fanOutsBefore = timer == null ? 0 : timer.count();
        long t0 = System.nanoTime();
        produce(bootstrap, topics, changes.events());
        await(registry, MaterializerMetrics.VIEWS_EMITTED, (int) views + orgs + 1, TimeUnit.MINUTES.toNanos(5));
        double wallMs = (System.nanoTime() - t0) / 1e6;
        // The last view is counted before its task records its fan-out time: wait for every task's.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (registry.find(MaterializerMetrics.FANOUT_TIME).timer().count() < fanOutsBefore + partitions
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        timer = registry.find(MaterializerMetrics.FANOUT_TIME).timer();
        double busyMicros = timer.totalTime(TimeUnit.MICROSECONDS) - busyBefore;
        return String.format("fan-out %d: one default change over %d orgs: last view emitted %.0f ms after the send;"
                + " fan-out processors %.0f ms in all = %.1f µs per org", k, orgs, wallMs, busyMicros / 1e3, busyMicros / orgs);
    }

    private static void produce(String bootstrap, Topics topics, List<ChangeEvent> events) throws Exception {
        try (KafkaProducer<String, ChangeEvent> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                // A loaded machine makes the broker slow: one request in flight, and wait as long as it takes.
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000),
                new StringSerializer(), AvroSerdes.changeEvent())) {
            List<java.util.concurrent.Future<?>> acks = new java.util.ArrayList<>();
            for (ChangeEvent e : events) {
                acks.add(p.send(new ProducerRecord<>(topics.changes().name(), e.getScope(), e)));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(); // a lost record would make its transaction incomplete: fail here instead
            }
        }
    }

    private static double applied(MeterRegistry registry) {
        return count(registry, MaterializerMetrics.TRANSACTIONS_APPLIED);
    }

    private static double count(MeterRegistry registry, String counter) {
        var c = registry.find(counter).counter();
        return c == null ? 0 : c.count();
    }

    private static void awaitApplied(MeterRegistry registry, int count, long timeoutNanos) {
        await(registry, MaterializerMetrics.TRANSACTIONS_APPLIED, count, timeoutNanos);
    }

    private static void await(MeterRegistry registry, String counter, int count, long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (count(registry, counter) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + count(registry, counter) + " of " + count + " " + counter);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    static String org(int i) {
        return String.format("org-%05d", i);
    }
}
