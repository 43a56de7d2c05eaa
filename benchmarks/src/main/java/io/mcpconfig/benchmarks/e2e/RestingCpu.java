package io.mcpconfig.benchmarks.e2e;

import io.mcpconfig.quickstart.LocalStack;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What the pipeline costs when nothing changes: CPU per stage and the busiest threads over 20 s at
 * rest, with 10,000 orgs held. Every timed wait, poll loop and spin shows up here, without the load
 * that would hide it; on a 2-core machine it is capacity the load steps do not have.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.mcpconfig.benchmarks.e2e.RestingCpu
 * </pre>
 */
public final class RestingCpu {
    private static final int ORGS = 10_000;
    private static final long SETTLE_SECONDS = 15;
    private static final long MEASURE_SECONDS = 20;

    private RestingCpu() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (LocalStack stack = LocalStack.start(Files.createTempDirectory("mcpconfig-resting-"), "bench", true, -1)) {
            try (Connection c = stack.connect()) {
                Workloads.createOrgs(c, ORGS);
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(SETTLE_SECONDS)); // the org burst drains
            Map<Long, Long> before = new HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                before.put(id, threads.getThreadCpuTime(id));
            }
            CpuUse start = CpuUse.now();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(MEASURE_SECONDS));
            CpuUse end = CpuUse.now();
            List<Busy> busiest = new ArrayList<>();
            for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t != null) {
                    long nanos = threads.getThreadCpuTime(t.getThreadId()) - before.getOrDefault(t.getThreadId(), 0L);
                    if (nanos > MEASURE_SECONDS * 10_000_000L) { // above 1% of a core
                        busiest.add(new Busy(t.getThreadName(), 100.0 * nanos / (MEASURE_SECONDS * 1e9)));
                    }
                }
            }
            busiest.sort(Comparator.comparingDouble(Busy::percent).reversed());
            System.out.printf("## At rest: %,d orgs held, nothing changing, %d s%n%n| stage | %% of one core |%n|---|---|%n",
                    ORGS, MEASURE_SECONDS);
            start.millisUntil(end).forEach((stage, ms) ->
                    System.out.printf("| %s | %.1f%% |%n", stage, ms / (MEASURE_SECONDS * 10.0)));
            System.out.printf("%n| thread (above 1%% of a core) | %% of one core |%n|---|---|%n");
            busiest.forEach(b -> System.out.printf("| %s | %.1f%% |%n", b.thread(), b.percent()));
        }
        System.exit(0);
    }

    private record Busy(String thread, double percent) {}
}
