package io.mcpconfig.benchmarks.e2e;

import io.mcpconfig.benchmarks.baseline.ListenNotifyRun;
import io.mcpconfig.benchmarks.baseline.TtlReadThroughBaseline;
import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.ListenerRegistration;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.quickstart.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * The end-to-end propagation benchmark: the real pipeline (PostgreSQL, publisher, materializer,
 * client cache) in one JVM, measured against two baselines an MCP server would otherwise use, in
 * the same run. One command:
 *
 * <pre>
 * mvn -q -B -ntp -DskipTests -pl benchmarks -am package
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar io.mcpconfig.benchmarks.e2e.PropagationBenchmark [--quick]
 * </pre>
 *
 * Prints a Markdown table and writes it to {@code docs/benchmarks-e2e.md}. {@code --quick} shortens
 * the sustained phase (15 s instead of 60 s) and the baselines; {@code --pipeline-only} skips the baselines and
 * writes nothing.
 */
public final class PropagationBenchmark {
    private static final int ORGS = 10_000;
    private static final int BASELINE_ORGS = 1_000;
    private static final int SERVERS = 20;

    private PropagationBenchmark() {}

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Report report = new Report(quick);
        Path workDir = Files.createTempDirectory("mcpconfig-bench-");
        try (LocalStack stack = LocalStack.start(workDir, "bench", true, -1)) {
            log("stack up; creating %,d organizations", ORGS);
            try (Connection c = stack.connect()) {
                Workloads.createOrgs(c, ORGS);
            }
            awaitOrgs(stack.cache(), ORGS);
            // Before the sustained phases: they add ~75,000 view records the log cleaner has not
            // compacted yet, which a cold start would have to read too.
            coldStarts(stack, workDir, report);
            Probe probe = new Probe();
            try (ListenerRegistration ignored = stack.cache().addListener(probe)) {
                report.single = singleChanges(stack, probe, quick ? 100 : 300);
                log("single changes: %s", report.single.millis());
                // The budget's rate, then a rate two cores running everything can sustain, to show both.
                for (int rate : new int[] {1_000, 250}) {
                    Report.Sustained run = sustained(stack, probe, rate, quick ? 15 : 60);
                    report.sustained.add(run);
                    log("sustained at %d/s: %s", rate, run.describe());
                }
            }
            report.fanOutMillis = fanOut(stack);
            log("fan-out to %,d orgs: %.0f ms", ORGS, report.fanOutMillis);
            if (List.of(args).contains("--pipeline-only")) {
                System.exit(0);
            }
            baselines(stack, report, quick);
        }
        String table = report.markdown();
        System.out.println(table);
        Path out = Path.of("docs", "benchmarks-e2e.md");
        if (Files.isDirectory(out.getParent())) {
            Files.writeString(out, table);
            log("written to %s", out.toAbsolutePath());
        }
        System.exit(0);
    }

    private static Stats singleChanges(LocalStack stack, Probe probe, int count) throws Exception {
        // Warm up the path (JIT, producer and consumer connections) before measuring.
        timedChanges(stack, probe, 50, "warmup");
        probe.reset();
        timedChanges(stack, probe, count, "single");
        return Stats.of(probe.latenciesMillis);
    }

    private static void timedChanges(LocalStack stack, Probe probe, int count, String label) throws Exception {
        try (Connection c = stack.connect(); PreparedStatement upsert = Workloads.upsertTemplate(c)) {
            for (int i = 0; i < count; i++) {
                String org = Workloads.org(i * 7 % ORGS);
                String template = label + " " + i + " {{code}}";
                int before = probe.latenciesMillis.size();
                probe.committed(org, template, Workloads.setTemplate(upsert, org, template));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (probe.latenciesMillis.size() == before && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
                }
            }
        }
    }

    /**
     * {@code rate} single-row commits per second for {@code seconds}, from 4 writer connections; then
     * waits (up to 3 minutes) until the client has seen every change, so the next phase starts on an
     * idle pipeline.
     */
    private static Report.Sustained sustained(LocalStack stack, Probe probe, int rate, int seconds) throws Exception {
        probe.reset();
        int writers = 4;
        long start = System.nanoTime();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) * writers / rate;
        AtomicLong sent = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                try (Connection c = stack.connect(); PreparedStatement upsert = Workloads.upsertTemplate(c)) {
                    long next = start + writer * intervalNanos / writers;
                    for (int i = 0; System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds); i++) {
                        LockSupport.parkNanos(next - System.nanoTime());
                        next += intervalNanos;
                        // Each writer cycles over its own 250 orgs: one change per org per second at most.
                        String org = Workloads.org(writer * 250 + i % 250);
                        String template = "load " + writer + "." + i + " {{code}}";
                        probe.committed(org, template, Workloads.setTemplate(upsert, org, template));
                        sent.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "writer-" + w);
            threads.add(t);
            t.start();
        }
        // Where a backlog builds up: writes committed vs events the publisher sent vs changes the client saw.
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
                log("  t=%.0fs committed=%d publisher events=%d seen by client=%d | %s", (System.nanoTime() - start) / 1e9,
                        sent.get(), stack.publisher().eventsSent(), probe.latenciesMillis.size(), stack.materializer().statusLine());
            }
        }, "sampler");
        sampler.setDaemon(true);
        sampler.start();
        for (Thread t : threads) {
            t.join();
        }
        double writingSeconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        long drainDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!probe.caughtUp(stack.cache()) && System.nanoTime() < drainDeadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        double drainSeconds = (System.nanoTime() - start) / 1e9 - writingSeconds;
        List<Double> first = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        for (int i = 0; i < probe.latenciesMillis.size(); i++) {
            double at = (probe.seenAtNanos.get(i) - start) / 1e9;
            if (at < 10) {
                first.add(probe.latenciesMillis.get(i));
            } else if (at > seconds - 10 && at <= seconds) {
                last.add(probe.latenciesMillis.get(i));
            }
        }
        return new Report.Sustained(rate, sent.get(), writingSeconds, Stats.of(probe.latenciesMillis),
                Stats.of(first).p50(), Stats.of(last).p50(), drainSeconds);
    }

    /** One default change: time until the last org that inherits it serves it in the client cache. */
    private static double fanOut(LocalStack stack) throws Exception {
        String template = "fan-out " + System.nanoTime() + " {{text}}";
        ConcurrentHashMap.KeySetView<String, Boolean> seen = ConcurrentHashMap.newKeySet();
        AtomicLong lastSeen = new AtomicLong();
        try (ListenerRegistration ignored = stack.cache().addListener(change -> {
            Prompt p = change.after().prompt("summarize_document");
            if (p != null && p.template().equals(template) && seen.add(change.orgId())) {
                lastSeen.set(System.nanoTime());
            }
        })) {
            long expected = stack.cache().orgIds().stream().filter(o -> stack.cache().forOrg(o).active()).count() + 1; // + _defaults
            long committed;
            try (Connection c = stack.connect()) {
                committed = Workloads.changeDefault(c, template);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (seen.size() < expected && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            if (seen.size() < expected) {
                throw new IllegalStateException("fan-out reached only " + seen.size() + " views");
            }
            return (lastSeen.get() - committed) / 1e6;
        }
    }

    private static void coldStarts(LocalStack stack, Path workDir, Report report) throws Exception {
        Path snapshot = workDir.resolve("cold.snapshot");
        long start = System.nanoTime();
        try (ConfigCache cold = ConfigCache.builder().bootstrapServers(stack.kafka().bootstrapServers())
                .topics(stack.topics()).snapshot(snapshot).build()) {
            cold.awaitReady(Duration.ofMinutes(1));
            report.coldFromKafkaMillis = (System.nanoTime() - start) / 1e6;
            report.coldViews = cold.orgIds().size();
        }
        start = System.nanoTime();
        try (ConfigCache warm = ConfigCache.builder().bootstrapServers(stack.kafka().bootstrapServers())
                .topics(stack.topics()).snapshot(snapshot).build()) {
            warm.awaitReady(Duration.ofMinutes(1));
            report.coldFromSnapshotMillis = (System.nanoTime() - start) / 1e6;
        }
        log("cold start of %,d views: %.0f ms from Kafka, %.0f ms from the snapshot", report.coldViews,
                report.coldFromKafkaMillis, report.coldFromSnapshotMillis);
    }

    private static void baselines(LocalStack stack, Report report, boolean quick) throws Exception {
        List<String> orgs = IntStream.range(0, BASELINE_ORGS).mapToObj(Workloads::org).toList();
        String url = stack.jdbcUrl();
        String user = stack.postgres().user();
        String password = stack.postgres().password();
        log("baseline (a): read-through cache, 5 min TTL, %d servers x %,d orgs (simulated clock)", SERVERS, BASELINE_ORGS);
        report.ttl = TtlReadThroughBaseline.run(url, user, password, orgs, SERVERS, Duration.ofMinutes(5), 20,
                quick ? 900 : 1_500, quick ? 5 : 10, 42);
        log("baseline (b): LISTEN/NOTIFY + reload, %d servers x %,d orgs", SERVERS, BASELINE_ORGS);
        report.listenNotify = ListenNotifyRun.run(url, user, password, orgs, SERVERS, quick ? 10 : 30, quick ? 10 : 20, 10, 43);
    }

    private static void awaitOrgs(ConfigCache cache, int count) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (cache.orgIds().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + cache.orgIds().size() + " org views arrived");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
