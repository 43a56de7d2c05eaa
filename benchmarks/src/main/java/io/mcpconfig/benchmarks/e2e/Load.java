package io.mcpconfig.benchmarks.e2e;

import io.mcpconfig.quickstart.LocalStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Writers offering a fixed rate of single-row commits for a while, then the wait until the client
 * has caught up; each change is timed end to end and per stage (publisher, materializer, client).
 */
final class Load {
    /** Commits one writer connection offers per second at most: its commit latency must stay below 1/this. */
    private static final int RATE_PER_WRITER = 50;
    /** Writer connections at most (PostgreSQL's default max_connections is 100; the pipeline needs a few). */
    private static final int MAX_WRITERS = 40;
    /** How long a step waits for the backlog (the whole benchmark must stay within ~8 minutes). */
    private static final long DRAIN_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private Load() {}

    /**
     * {@code rate} commits per second for {@code seconds} from {@code rate / 50} writer connections (4 to
     * 40), each cycling over as many orgs as it commits per second, so an org changes at most once a
     * second; then waits (up to 60 s) until the client has seen every org's last change.
     */
    static Report.Step run(LocalStack stack, Probe probe, StageTaps taps, int rate, int seconds) throws Exception {
        probe.reset();
        taps.reset();
        int writers = Math.min(MAX_WRITERS, Math.max(4, rate / RATE_PER_WRITER));
        int orgsPerWriter = (rate + writers - 1) / writers;
        // Connections are opened before and closed after the CPU is counted: a PostgreSQL backend's
        // time is read from /proc and is gone with its process.
        List<Connection> connections = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            connections.add(stack.connect());
        }
        CpuUse cpuBefore = CpuUse.now();
        long start = System.nanoTime();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) * writers / rate;
        AtomicLong sent = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Connection c = connections.get(w);
            Thread t = new Thread(() -> {
                try (PreparedStatement upsert = Workloads.upsertTemplate(c)) {
                    long next = start + writer * intervalNanos / writers;
                    for (int i = 0; System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds); i++) {
                        LockSupport.parkNanos(next - System.nanoTime());
                        next += intervalNanos;
                        String org = Workloads.org(writer * orgsPerWriter + i % orgsPerWriter);
                        String template = "load " + rate + "." + writer + "." + i + " {{code}}";
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
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
                PropagationBenchmark.log("  %d/s t=%.0fs committed=%d in changes=%d in views=%d seen by client=%d", rate,
                        (System.nanoTime() - start) / 1e9, sent.get(), taps.inChanges.size(), taps.inViews.size(),
                        probe.count());
            }
        }, "sampler");
        sampler.setDaemon(true);
        sampler.start();
        for (Thread t : threads) {
            t.join();
        }
        double writingSeconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        long drainDeadline = System.nanoTime() + DRAIN_LIMIT_NANOS;
        boolean drained;
        while (!(drained = probe.caughtUp(stack.cache())) && System.nanoTime() < drainDeadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        double drainSeconds = (System.nanoTime() - start) / 1e9 - writingSeconds;
        CpuUse cpuAfter = CpuUse.now();
        for (Connection c : connections) {
            c.close();
        }
        if (!drained) {
            // Not measured any more, but the next phase must not start on this step's backlog.
            long settle = System.nanoTime() + DRAIN_LIMIT_NANOS;
            while (!probe.caughtUp(stack.cache()) && System.nanoTime() < settle) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        Report.Cpu cpu = new Report.Cpu(cpuBefore.millisUntil(cpuAfter), cpuBefore.wallMillisUntil(cpuAfter), writers);
        return summarize(probe, taps, rate, sent.get(), writingSeconds, start, seconds, drainSeconds, drained, cpu);
    }

    private static Report.Step summarize(Probe probe, StageTaps taps, int rate, long sent, double writingSeconds,
                                         long start, int seconds, double drainSeconds, boolean drained, Report.Cpu cpu) {
        Samples step = new Samples();
        List<Double> first = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        List<Samples> windows = new ArrayList<>();
        for (Probe.Sample s : probe.samples) {
            double ms = s.millis();
            double at = (s.seenNanos() - start) / 1e9;
            if (at < 10) {
                first.add(ms);
            } else if (at > seconds - 10 && at <= seconds) {
                last.add(ms);
            }
            int window = (int) Math.max(0, (s.committedNanos() - start) / TimeUnit.SECONDS.toNanos(Report.WINDOW_SECONDS));
            while (windows.size() <= window) {
                windows.add(new Samples());
            }
            Long inChanges = taps.inChanges.get(s.template());
            Long inViews = taps.inViews.get(s.template());
            for (Samples into : List.of(step, windows.get(window))) {
                into.add(s, inChanges, inViews);
            }
        }
        double firstP50 = Stats.of(first).p50();
        double lastP50 = Stats.of(last).p50();
        // Lag grew: a backlog was left when the writers stopped, or latency at the end far above the start.
        boolean grew = !drained || drainSeconds > 2 || lastP50 > Math.max(100, 3 * firstP50);
        List<Report.Window> byWindow = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            if (!windows.get(i).all.isEmpty()) {
                byWindow.add(windows.get(i).window(i * Report.WINDOW_SECONDS));
            }
        }
        Report.Window whole = step.window(0);
        return new Report.Step(rate, sent, writingSeconds, whole.latency(), firstP50, lastP50, drainSeconds, drained, grew,
                whole.publisher(), whole.materializer(), whole.client(), cpu, byWindow);
    }

    /** Latencies (ms) of some changes (a step's, or those committed in one window): end to end and per stage. */
    private static final class Samples {
        final List<Double> all = new ArrayList<>();
        final List<Double> publisher = new ArrayList<>();
        final List<Double> materializer = new ArrayList<>();
        final List<Double> client = new ArrayList<>();

        /** {@code inChanges} and {@code inViews}: when the taps saw the change in each topic, null if they did not. */
        void add(Probe.Sample s, Long inChanges, Long inViews) {
            all.add(s.millis());
            if (inChanges != null && inViews != null) {
                // One clock (System.nanoTime in this JVM); a tap may read a record a moment after the client.
                publisher.add(Math.max(0, inChanges - s.committedNanos()) / 1e6);
                materializer.add(Math.max(0, inViews - inChanges) / 1e6);
                client.add(Math.max(0, s.seenNanos() - inViews) / 1e6);
            }
        }

        Report.Window window(int fromSecond) {
            return new Report.Window(fromSecond, Stats.of(all), Stats.of(publisher), Stats.of(materializer), Stats.of(client));
        }
    }
}
