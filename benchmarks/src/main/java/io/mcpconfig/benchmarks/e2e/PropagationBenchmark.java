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
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * The end-to-end propagation benchmark: the real pipeline (PostgreSQL, publisher, materializer,
 * client cache) in one JVM, measured against two baselines an MCP server would otherwise use, in
 * the same run. One command (about 6-7 minutes on the project's 2-core machine):
 *
 * <pre>
 * mvn -q -B -ntp -DskipTests -pl benchmarks -am package
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar io.mcpconfig.benchmarks.e2e.PropagationBenchmark [--out FILE] [--quick]
 * </pre>
 *
 * Phases: a warm-up at 1,000 changes/s (not measured); single changes; the offered rate stepped (250,
 * 500, 1,000 for 60 s: the budget, 2,000, 4,000 changes/s; from 1,000 on, stops after the first step whose
 * lag grew), each timed per stage; one default
 * change fanned out to 10,000 orgs (time and bytes); two bulk imports; the baselines. Prints the
 * Markdown report and writes it to {@code FILE} (default {@code docs/benchmarks-e2e.md} when run from
 * the repository root). {@code --quick} shortens every phase; {@code --pipeline-only} skips the baselines;
 * {@code --rates 1000} runs only the steps named; {@code --warmup S} sets the unmeasured
 * warm-up at 1,000 changes/s that comes first (default 120 s);
 * {@code --tiny-views} keeps one default prompt and no other default or override, so every view is
 * ~0.3 KB instead of ~6 KB: what a change costs when views do not carry the defaults
 * (docs/decisions/config-materializer.md, record 18).
 */
public final class PropagationBenchmark {
    private static final int ORGS = 10_000;
    private static final int BASELINE_ORGS = 1_000;
    private static final int SERVERS = 20;
    private static final int[] RATES = {250, 500, 1_000, 2_000, 4_000};
    private static final int BUDGET_RATE = 1_000;

    private PropagationBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> argList = List.of(args);
        boolean quick = argList.contains("--quick");
        int outAt = argList.indexOf("--out");
        Path out = outAt >= 0 ? Path.of(args[outAt + 1]) : Path.of("docs", "benchmarks-e2e.md");
        Report report = new Report(quick);
        report.tinyViews = argList.contains("--tiny-views");
        String loadBefore = loadAverage();
        long began = System.nanoTime();
        Path workDir = Files.createTempDirectory("mcpconfig-bench-");
        try (LocalStack stack = LocalStack.start(workDir, "bench", true, -1)) {
            log("stack up; creating %,d organizations", ORGS);
            try (Connection c = stack.connect()) {
                if (report.tinyViews) {
                    Workloads.keepOneDefault(c);
                }
                Workloads.createOrgs(c, ORGS);
            }
            awaitOrgs(stack.cache(), ORGS);
            // Before the load phases: they add view records the log cleaner has not compacted yet,
            // which a cold start would have to read too.
            coldStarts(stack, workDir, report);
            Probe probe = new Probe();
            try (ListenerRegistration ignored = stack.cache().addListener(probe);
                 StageTaps taps = new StageTaps(stack.kafka().bootstrapServers(), stack.topics())) {
                report.warmupSeconds = warmupSeconds(argList, quick);
                if (report.warmupSeconds > 0) {
                    // Not measured: one JVM holds the broker, Debezium, Kafka Streams and the client, and its
                    // JIT compilers still take a fifth to half of a core minutes after start (measured with
                    // /proc per thread), so without this the first steps time partly interpreted code.
                    Report.Step warm = Load.run(stack, probe, taps, BUDGET_RATE, report.warmupSeconds);
                    log("warm-up, not measured: %s", Report.describe(warm));
                }
                report.single = singleChanges(stack, probe, quick ? 100 : 300);
                log("single changes: %s", report.single.millis());
                steps(stack, probe, taps, report, quick, rates(argList));
                report.fanOut = fanOut(stack, taps);
                log("fan-out to %,d orgs: %s", ORGS, report.fanOut);
            }
            // Orgs 0..3,999 are the load's; the imports add prompts to orgs of their own.
            report.bulks.add(BulkImports.run(stack, "one transaction of 10,000 override rows over 1,000 orgs", 4_000, 1,
                    1_000, 10));
            log("bulk: %s", report.bulks.get(0));
            report.bulks.add(BulkImports.run(stack, "50,000 override rows in 50 transactions (each 100 orgs x 10 rows)",
                    5_000, quick ? 10 : 50, 100, 10));
            log("bulk: %s", report.bulks.get(1));
            if (!argList.contains("--pipeline-only")) {
                baselines(stack, report, quick);
            }
        }
        report.machine = String.format(" (load average %s before, %s after; whole run %.1f min)", loadBefore,
                loadAverage(), (System.nanoTime() - began) / 60e9);
        String markdown = report.markdown();
        System.out.println(markdown);
        if (outAt >= 0 || Files.isDirectory(out.getParent())) {
            Files.writeString(out, markdown);
            log("written to %s", out.toAbsolutePath());
        }
        System.exit(0);
    }

    private static void steps(LocalStack stack, Probe probe, StageTaps taps, Report report, boolean quick, int[] rates)
            throws Exception {
        for (int rate : rates) {
            int seconds = quick ? 15 : rate == BUDGET_RATE ? 60 : 30;
            Report.Step step = Load.run(stack, probe, taps, rate, seconds);
            report.steps.add(step);
            log("offered %d/s: %s", rate, Report.describe(step));
            if (step.kept()) {
                report.capacity = rate;
            }
            if (step.lagGrew() && rate >= BUDGET_RATE) {
                break; // the budget's step always runs; beyond it, the first growing lag ends the stepping
            }
        }
        probe.reset();
        taps.reset();
    }

    /** {@code --warmup 120}: seconds at the budget's rate before anything is measured (default 120, 20 with --quick, 0 for none). */
    private static int warmupSeconds(List<String> args, boolean quick) {
        int at = args.indexOf("--warmup");
        return at >= 0 ? Integer.parseInt(args.get(at + 1)) : quick ? 20 : 120;
    }

    /** {@code --rates 1000,2000} runs only those steps (for profiling one load); default: every step. */
    private static int[] rates(List<String> args) {
        int at = args.indexOf("--rates");
        return at < 0 ? RATES : java.util.Arrays.stream(args.get(at + 1).split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static Stats singleChanges(LocalStack stack, Probe probe, int count) throws Exception {
        // Warm up the path (JIT, producer and consumer connections) before measuring.
        timedChanges(stack, probe, 50, "warmup");
        probe.reset();
        timedChanges(stack, probe, count, "single");
        return Stats.of(probe.latenciesMillis());
    }

    private static void timedChanges(LocalStack stack, Probe probe, int count, String label) throws Exception {
        try (Connection c = stack.connect(); PreparedStatement upsert = Workloads.upsertTemplate(c)) {
            for (int i = 0; i < count; i++) {
                String org = Workloads.org(i * 7 % ORGS);
                String template = label + " " + i + " {{code}}";
                int before = probe.count();
                probe.committed(org, template, Workloads.setTemplate(upsert, org, template));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (probe.count() == before && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
                }
            }
        }
    }

    /**
     * One default change: time until the last org that inherits it serves it in the client cache, and
     * what it cost on the views topic (records, value bytes, bytes one reader fetched).
     */
    private static Report.FanOut fanOut(LocalStack stack, StageTaps taps) throws Exception {
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
            long records = taps.viewRecords.get();
            long bytes = taps.viewBytes.get();
            long fetched = taps.viewFetchedBytes.get();
            long committed;
            try (Connection c = stack.connect()) {
                committed = Workloads.changeDefault(c, template);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (seen.size() < expected && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            if (seen.size() < expected) {
                // Reported as such rather than aborting the run: the other figures still stand.
                log("fan-out reached only %d of %d views within 60 s", seen.size(), expected);
                return new Report.FanOut(Double.NaN, seen.size(), taps.viewRecords.get() - records,
                        taps.viewBytes.get() - bytes, taps.viewFetchedBytes.get() - fetched);
            }
            double millis = (lastSeen.get() - committed) / 1e6;
            // The tap reads on its own; give it the moment to reach the same end, then count.
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (taps.viewRecords.get() - records < expected && System.nanoTime() < settle) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
            return new Report.FanOut(millis, (int) expected, taps.viewRecords.get() - records, taps.viewBytes.get() - bytes,
                    taps.viewFetchedBytes.get() - fetched);
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

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
