package io.mcpconfig.benchmarks.e2e;

import io.mcpconfig.benchmarks.baseline.ListenNotifyRun;
import io.mcpconfig.benchmarks.baseline.TtlReadThroughBaseline;
import java.time.LocalDate;

/** The figures of one run, and their Markdown table. */
final class Report {
    final boolean quick;
    Stats single;
    final java.util.List<Sustained> sustained = new java.util.ArrayList<>();
    double fanOutMillis;
    double coldFromKafkaMillis;
    double coldFromSnapshotMillis;
    int coldViews;
    TtlReadThroughBaseline.Result ttl;
    ListenNotifyRun.Result listenNotify;

    /** One sustained phase: offered rate, what the writers committed, latencies, and the backlog left at the end. */
    record Sustained(int targetRate, long sent, double seconds, Stats latency, double firstP50, double lastP50,
                     double drainSeconds) {
        String describe() {
            return String.format("%.0f changes/s committed for %.0f s: %s; p50 in the first 10 s %.1f ms, last 10 s %.1f ms; "
                    + "%d of %d changes observed; backlog drained %.1f s after the writers stopped",
                    sent / seconds, seconds, latency.millis(), firstP50, lastP50, latency.count(), sent, drainSeconds);
        }
    }

    Report(boolean quick) {
        this.quick = quick;
    }

    String markdown() {
        Stats ttlStaleness = Stats.of(ttl.stalenessSeconds());
        Stats lnStaleness = Stats.of(listenNotify.stalenessMillis());
        StringBuilder md = new StringBuilder();
        md.append("# End-to-end propagation benchmark\n\n")
          .append("One run on ").append(LocalDate.now()).append(quick ? " (`--quick`)" : "")
          .append(", the project's 2-core machine, everything local and in one JVM (PostgreSQL 17 and Kafka from testkit,\n")
          .append("publisher, materializer, client cache). Medians and tails of this one run; the machine is noisy.\n")
          .append("Command: `java -Xmx4g -cp benchmarks/target/benchmarks.jar io.mcpconfig.benchmarks.e2e.PropagationBenchmark`\n\n")
          .append("## mcp-config\n\n")
          .append("| what | result | budget |\n|---|---|---|\n")
          .append(row("commit -> visible in a client, single changes", single.millis(), "p50 <= 25 ms, p99 <= 100 ms"))
          .append(sustainedRows())
          .append(row("one default change fanned out to 10,000 orgs: last org visible", String.format("%.0f ms", fanOutMillis), "<= 2 s"))
          .append(row(String.format("client cold start, %,d org views, from Kafka", coldViews), String.format("%.0f ms", coldFromKafkaMillis), "<= 3 s"))
          .append(row("client cold start, from the local snapshot", String.format("%.0f ms", coldFromSnapshotMillis), "<= 1 s"))
          .append(row("database queries caused by N MCP servers", "0 (a client cache has no database connection; the publisher's one replication stream serves all)", "0"))
          .append("\n## Side by side: 20 MCP servers serving 1,000 orgs\n\n")
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
        return md.toString();
    }

    private String sustainedRows() {
        StringBuilder rows = new StringBuilder();
        for (Sustained run : sustained) {
            rows.append(row("sustained, writers offering " + run.targetRate() + " changes/s", run.describe(),
                    run.targetRate() >= 1_000 ? "p99 <= 250 ms, no growing lag" : "(capacity check)"));
        }
        return rows.toString();
    }

    private static String row(String what, String result, String budget) {
        return "| " + what + " | " + result + " | " + budget + " |\n";
    }
}
