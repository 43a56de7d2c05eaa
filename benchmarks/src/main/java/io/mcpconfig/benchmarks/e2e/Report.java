package io.mcpconfig.benchmarks.e2e;

import io.mcpconfig.benchmarks.baseline.ListenNotifyRun;
import io.mcpconfig.benchmarks.baseline.TtlReadThroughBaseline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The figures of one run, and their Markdown report. */
final class Report {
    static final String COMMAND = "java -Xmx4g -cp benchmarks/target/benchmarks.jar io.mcpconfig.benchmarks.e2e.PropagationBenchmark";
    final boolean quick;
    /** Set by {@code --tiny-views}: the defaults cut to one prompt, so the figures are not the demo data's. */
    boolean tinyViews;
    /** Seconds at 1,000 changes/s before anything was measured. */
    int warmupSeconds;
    Stats single;
    final List<Step> steps = new ArrayList<>();
    int capacity;
    FanOut fanOut;
    final List<Bulk> bulks = new ArrayList<>();
    double coldFromKafkaMillis;
    double coldFromSnapshotMillis;
    int coldViews;
    TtlReadThroughBaseline.Result ttl;
    ListenNotifyRun.Result listenNotify;
    String machine = "";

    /** One rate step: offered rate, what the writers committed, latencies end to end and per stage, the backlog left. */
    record Step(int offeredRate, long sent, double seconds, Stats latency, double firstP50, double lastP50,
                double drainSeconds, boolean drained, boolean lagGrew, Stats publisher, Stats materializer, Stats client,
                Cpu cpu, List<Window> windows) {
        boolean kept() {
            return !lagGrew && latency.p99() <= 250;
        }

        /** The stage with the highest p99: where a backlog sits when the lag grows. */
        String slowestStage() {
            double p = publisher.p99();
            double m = materializer.p99();
            double c = client.p99();
            return p >= m && p >= c ? "publisher" : m >= c ? "materializer" : "client";
        }
    }

    /** The changes committed in {@link #WINDOW_SECONDS} of a step, from second {@code from}: end to end and per stage. */
    record Window(int from, Stats latency, Stats publisher, Stats materializer, Stats client) {}

    static final int WINDOW_SECONDS = 10;

    /** CPU per stage over a step (writing and draining), its wall time, and the writer connections used. */
    record Cpu(Map<String, Double> millisByStage, double wallMillis, int writers) {
        double totalMillis() {
            return millisByStage.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Share of the machine's cores busy over the step. */
        double busy() {
            return totalMillis() / (wallMillis * Runtime.getRuntime().availableProcessors());
        }
    }

    /** One default change fanned out: time to the last org, views written and their bytes. */
    record FanOut(double lastOrgMillis, int orgsServed, long viewRecords, long valueBytes, long fetchedBytes) {}

    /** One bulk import: its shape, how long the SQL took, and when the client had every row. */
    record Bulk(String what, double sqlMillis, double lastRowAfterCommitMillis, double totalMillis) {}

    Report(boolean quick) {
        this.quick = quick;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# End-to-end propagation benchmark\n\n")
          .append("One run on ").append(LocalDate.now()).append(quick ? " (`--quick`)" : "")
          .append(tinyViews ? " (`--tiny-views`: one default prompt, every view ~0.3 KB, not the demo data's ~6 KB)" : "")
          .append(", the project's 2-core machine, everything local and in one JVM (PostgreSQL 17 and Kafka from testkit,\n")
          .append("publisher, materializer, client cache). Medians and tails of this one run").append(machine).append(".\n")
          .append(warmupSeconds > 0 ? String.format("Measured after a warm-up of %d s at 1,000 changes/s (discarded): the JIT compilers of\n"
                  + "this one JVM otherwise take a fifth to half of a core for minutes after start.%n", warmupSeconds) : "")
          .append("Command: `").append(COMMAND).append("`\n\n")
          .append("## Budgets\n\n")
          .append("| what | result | budget |\n|---|---|---|\n")
          .append(row("commit -> visible in a client, single changes", single.millis(), "p50 <= 25 ms, p99 <= 100 ms"));
        Step budget = steps.stream().filter(s -> s.offeredRate() == 1_000).findFirst().orElse(null);
        if (budget != null) {
            md.append(row("sustained, writers offering 1,000 changes/s for " + Math.round(budget.seconds()) + " s",
                    describe(budget), "p99 <= 250 ms, no growing lag"));
        }
        md.append(row("capacity: highest offered rate kept (p99 <= 250 ms, no growing lag)",
                capacity > 0 ? String.format("%,d changes/s", capacity) : "none of the steps", "reported"));
        for (Bulk b : bulks) {
            md.append(row("bulk: " + b.what(), String.format("every row in the client %.0f ms after the commit (SQL took %.0f ms; "
                    + "%.0f ms from the start of the import)", b.lastRowAfterCommitMillis(), b.sqlMillis(), b.totalMillis()),
                    b.what().startsWith("one transaction") ? "<= 5 s after commit" : "reported"));
        }
        md.append(row("one default change fanned out to 10,000 orgs: last org visible", Double.isNaN(fanOut.lastOrgMillis())
                ? String.format("not within 60 s (%,d of the views)", fanOut.orgsServed())
                : String.format("%.0f ms", fanOut.lastOrgMillis()), "<= 2 s"))
          .append(row(String.format("client cold start, %,d org views, from Kafka", coldViews), String.format("%.0f ms", coldFromKafkaMillis), "<= 3 s"))
          .append(row("client cold start, from the local snapshot", String.format("%.0f ms", coldFromSnapshotMillis), "<= 1 s"))
          .append(row("database queries caused by N MCP servers", "0 (a client cache has no database connection; the publisher's one replication stream serves all)", "0"))
          .append("\n## Capacity: the offered rate stepped\n\n")
          .append("Each step: writers offer the rate (single-row autocommit upserts, each org at most once a second) for the\n")
          .append("time shown, then the run waits until the client has every org's last change. Per stage: publisher = commit\n")
          .append("-> record in `mcpconfig.changes`, materializer = changes -> view in `mcpconfig.views`, client = views -> served\n")
          .append("by the client cache (p50 / p99, ms). From 1,000/s on, stepping stops after the first step whose lag grew.\n\n")
          .append("| offered/s | committed/s | p50 | p99 | max | lag grew? | publisher | materializer | client | backlog drained after |\n")
          .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Step s : steps) {
            md.append(String.format("| %,d | %,.0f | %.1f | %.1f | %.1f | %s | %s | %s | %s | %s |%n", s.offeredRate(),
                    s.sent() / s.seconds(), s.latency().p50(), s.latency().p99(), s.latency().max(),
                    s.lagGrew() ? "yes (slowest: " + s.slowestStage() + ")" : "no", stage(s.publisher()),
                    stage(s.materializer()), stage(s.client()),
                    s.drained() ? String.format("%.1f s", s.drainSeconds()) : String.format("not within %.0f s", s.drainSeconds())));
        }
        cpuTable(md);
        if (budget != null) {
            windowTable(md, budget);
        }
        md.append("\n## Fan-out cost: one default change, 10,000 orgs\n\n")
          .append("| views written | Avro value bytes (what a client decodes) | bytes one client fetched (zstd batches off the socket) |\n")
          .append("|---|---|---|\n")
          .append(String.format("| %,d (%,d orgs serve the change) | %,d (%,.0f per view) | %,d (%.1fx smaller) |%n", fanOut.viewRecords(),
                  fanOut.orgsServed(), fanOut.valueBytes(), fanOut.valueBytes() / (double) Math.max(1, fanOut.viewRecords()),
                  fanOut.fetchedBytes(), fanOut.valueBytes() / (double) Math.max(1, fanOut.fetchedBytes())))
          .append("\nEvery org view carries its inherited defaults whole, so one default change costs the views topic, the\n")
          .append("broker and every client one full view per org (written, fetched and decoded), although only one item\n")
          .append("changed. zstd over the producer's batches removes most of the repetition on the wire, not the decoding.\n")
          .append("What would cut it: views that name the defaults revision they inherit and carry only the org's own\n")
          .append("items, the client merging them with the `_defaults` view it already holds (one record per default\n")
          .append("change instead of one per org); a contract change of the views topic (docs/decisions/config-materializer.md, record 18).\n");
        baselines(md);
        return md.toString();
    }

    /**
     * Where the CPU goes per change: on 2 shared cores every stage's latency grows when any stage is
     * busy, so the CPU each stage spends per change is what says which one limits the rate.
     */
    private void cpuTable(StringBuilder md) {
        md.append("\n### CPU per committed change, by stage\n\n")
          .append("CPU time (ms) each stage spent per committed change over the step, writing and draining: this JVM's\n")
          .append("per-thread CPU clocks (publisher = Debezium and its handler, broker = the in-process Kafka broker,\n")
          .append("benchmark = the writers' JDBC side and the measuring taps, jvm native = this JVM's time that no live Java\n")
          .append("thread's clock shows: GC, the JIT compilers, RocksDB's threads, threads that ended during the step) and the\n")
          .append("PostgreSQL processes from /proc\n")
          .append("(ended ones too: backends of closed connections, autovacuum workers).\n")
          .append("busy = CPU time / (wall time x cores).\n\n")
          .append("| offered/s | writers |");
        for (String s : CpuUse.STAGES) {
            md.append(' ').append(s).append(" |");
        }
        md.append(" total | busy |\n|---|---|").append("---|".repeat(CpuUse.STAGES.length + 2)).append('\n');
        for (Step s : steps) {
            double per = Math.max(1, s.sent());
            md.append(String.format("| %,d | %d |", s.offeredRate(), s.cpu().writers()));
            for (String stage : CpuUse.STAGES) {
                md.append(String.format(" %.2f |", s.cpu().millisByStage().getOrDefault(stage, 0.0) / per));
            }
            md.append(String.format(" %.2f | %.0f%% |%n", s.cpu().totalMillis() / per, 100 * s.cpu().busy()));
        }
    }

    /**
     * The budget's step {@value #WINDOW_SECONDS} s at a time, by commit time: a p99 over the whole step cannot
     * tell a start-up transient, a steady tail and a hiccup apart, and each has another cause.
     */
    private static void windowTable(StringBuilder md, Step step) {
        md.append(String.format("%n### The %,d changes/s step, %d s at a time%n%n", step.offeredRate(), WINDOW_SECONDS))
          .append("Changes grouped by when they were committed; end to end p50 / p99 / max, and p50 / p99 of each stage (ms).\n\n")
          .append("| committed in | n | p50 | p99 | max | publisher | materializer | client |\n")
          .append("|---|---|---|---|---|---|---|---|\n");
        for (Window w : step.windows()) {
            md.append(String.format("| %d-%d s | %,d | %.1f | %.1f | %.1f | %s | %s | %s |%n", w.from(), w.from() + WINDOW_SECONDS,
                    w.latency().count(), w.latency().p50(), w.latency().p99(), w.latency().max(), stage(w.publisher()),
                    stage(w.materializer()), stage(w.client())));
        }
    }

    private void baselines(StringBuilder md) {
        if (ttl == null || listenNotify == null) {
            return;
        }
        Stats ttlStaleness = Stats.of(ttl.stalenessSeconds());
        Stats lnStaleness = Stats.of(listenNotify.stalenessMillis());
        md.append("\n## Side by side: 20 MCP servers serving 1,000 orgs\n\n")
          .append("| approach | staleness after a change | database queries/s |\n|---|---|---|\n")
          .append(row("mcp-config (pushed views)", String.format("p50 %.1f ms, p99 %.1f ms", single.p50(), single.p99()), "0"))
          .append(row("(a) read-through cache, 5 min TTL (Caffeine `expireAfterWrite`)",
                  String.format("p50 %.0f s, p99 %.0f s, max %.0f s (simulated clock, n=%d)", ttlStaleness.p50(), ttlStaleness.p99(),
                          ttlStaleness.max(), ttlStaleness.count()),
                  String.format("%.0f (every server reloads every org it serves once per TTL)", ttl.queriesPerSecond())))
          .append(row("(b) LISTEN/NOTIFY invalidation + reload",
                  String.format("p50 %.1f ms, p99 %.1f ms (n=%d); one default change: %.0f ms until every server reloaded every org",
                          lnStaleness.p50(), lnStaleness.p99(), lnStaleness.count(), listenNotify.defaultChangeMillis()),
                  String.format("%.0f under %s", listenNotify.queriesPerSecond(), listenNotify.workload())))
          .append("\nStaleness of (a) is the rest of the cached entry's TTL when the change is made, measured on a simulated clock\n")
          .append("(Caffeine `Ticker`) while the loads run as real SQL; a user sees up to 5 minutes of stale config. (b) is fresh\n")
          .append("but every change costs every server a reload, and a default change costs every server a reload of every org.\n");
    }

    static String describe(Step s) {
        return String.format("%,.0f changes/s committed for %.0f s: %s; p50 in the first 10 s %.1f ms, last 10 s %.1f ms; "
                + "%d of %d changes observed; backlog drained %.1f s after the writers stopped; per stage p50/p99: "
                + "publisher %s, materializer %s, client %s ms; CPU %.2f ms per change, machine %.0f%% busy",
                s.sent() / s.seconds(), s.seconds(), s.latency().millis(),
                s.firstP50(), s.lastP50(), s.latency().count(), s.sent(), s.drainSeconds(), stage(s.publisher()),
                stage(s.materializer()), stage(s.client()), s.cpu().totalMillis() / Math.max(1, s.sent()), 100 * s.cpu().busy());
    }

    private static String stage(Stats s) {
        return String.format("%.0f / %.0f", s.p50(), s.p99());
    }

    private static String row(String what, String result, String budget) {
        return "| " + what + " | " + result + " | " + budget + " |\n";
    }
}
