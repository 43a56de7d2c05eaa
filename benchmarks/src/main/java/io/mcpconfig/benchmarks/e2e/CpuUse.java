package io.mcpconfig.benchmarks.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent by each stage of the pipeline between two points, from this JVM's per-thread CPU
 * clocks (every stage but PostgreSQL runs in it) and from {@code /proc} for the PostgreSQL processes.
 * On a 2-core machine the stages share the cores, so a stage's wall-clock latency says little about
 * which stage limits throughput; its CPU time per change does.
 */
final class CpuUse {
    /** Stage names in report order; a thread belongs to the first whose name pattern it matches. */
    static final String[] STAGES = {"postgres", "publisher", "broker", "materializer", "client", "benchmark", "other",
        "jvm native"};
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> threadNanos = new LinkedHashMap<>();
    private final Map<Long, String> threadStage = new LinkedHashMap<>();
    private final long postgresNanos;
    /** The whole JVM process: its Java threads plus what no Java thread clock sees (GC, JIT, RocksDB's threads). */
    private final long processNanos;
    private final long wallNanos;

    private CpuUse() {
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                threadNanos.put(info.getThreadId(), cpu);
                threadStage.put(info.getThreadId(), stageOf(info.getThreadName()));
            }
        }
        postgresNanos = postgresCpuNanos();
        processNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        wallNanos = System.nanoTime();
    }

    static CpuUse now() {
        return new CpuUse();
    }

    /** CPU milliseconds per stage from {@code this} to {@code later} (threads started in between count from 0). */
    Map<String, Double> millisUntil(CpuUse later) {
        Map<String, Double> ms = new LinkedHashMap<>();
        for (String s : STAGES) {
            ms.put(s, 0.0);
        }
        later.threadNanos.forEach((id, nanos) -> {
            long before = threadNanos.getOrDefault(id, 0L);
            ms.merge(later.threadStage.get(id), (nanos - before) / 1e6, Double::sum);
        });
        ms.put("postgres", (later.postgresNanos - postgresNanos) / 1e6);
        double javaThreads = ms.entrySet().stream().filter(e -> !e.getKey().equals("postgres"))
                .mapToDouble(Map.Entry::getValue).sum();
        ms.put("jvm native", Math.max(0, (later.processNanos - processNanos) / 1e6 - javaThreads));
        return ms;
    }

    double wallMillisUntil(CpuUse later) {
        return (later.wallNanos - wallNanos) / 1e6;
    }

    static String stageOf(String thread) {
        String t = thread.toLowerCase();
        if (t.contains("materializer")) {
            return "materializer"; // stream threads, their producers and state updaters
        }
        if (t.contains("debezium") || t.contains("publisher") || t.startsWith("pool-") || t.contains("kafkabasedlog")) {
            return "publisher"; // Debezium's engine pool threads run the publisher's handler
        }
        if (t.startsWith("mcpconfig-cache")) {
            return "client";
        }
        if (t.startsWith("writer-") || t.startsWith("tap-") || t.equals("sampler") || t.equals("main")) {
            return "benchmark";
        }
        if (t.startsWith("data-plane") || t.startsWith("kafka-") || t.contains("raft") || t.contains("quorum")
                || t.contains("coordinator") || t.contains("txnmarker") || t.contains("addpartitionstotxn")
                || t.contains("expirationreaper") || t.startsWith("executor-") || t.contains("log-cleaner")
                || t.startsWith("controller-") || t.startsWith("broker-") || t.contains("requestsender")) {
            return "broker";
        }
        return "other";
    }

    /**
     * User + system time of every process named postgres (the embedded server and its backends), plus
     * the time of those that ended (a closed connection's backend, an autovacuum worker): the
     * postmaster reaps them, so it appears in its children's time.
     */
    private static long postgresCpuNanos() {
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    // utime, stime, cutime, cstime (fields 14-17); only the postmaster has reaped children
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                } catch (Exception gone) {
                    // the process ended between the listing and the read: its time is not counted
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
    }
}
