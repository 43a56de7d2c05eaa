package io.mcpconfig.publisher.internal;

import io.mcpconfig.publisher.PublisherConfig;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's life on one thread: wait for leadership (standby), prepare the slot, run the
 * engine; on a transient failure run it again after a pause, on a fatal one stop for good. Also
 * logs a one-line status periodically. Thread-safe.
 */
public final class PublisherLoop {
    private static final Logger LOG = LoggerFactory.getLogger(PublisherLoop.class);
    /** A standby tries the lock this often: a takeover waits at most this plus the engine start. */
    private static final long STANDBY_POLL_MS = 500;
    private static final long RETRY_PAUSE_MS = 2000;

    private final PublisherConfig config;
    private final PublisherMetrics metrics;
    private final PublisherHealth health;
    private final Thread thread;
    private final ScheduledExecutorService statusLog;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile RuntimeException failure;

    public PublisherLoop(PublisherConfig config, PublisherMetrics metrics, PublisherHealth health) {
        this.config = config;
        this.metrics = metrics;
        this.health = health;
        this.thread = new Thread(this::run, "mcpconfig-publisher");
        this.statusLog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mcpconfig-publisher-status");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        thread.start();
        long every = config.statusInterval().toMillis();
        statusLog.scheduleAtFixedRate(new StatusLine(metrics), every, every, TimeUnit.MILLISECONDS);
    }

    private static final int CLEAN_STOP_SECONDS = 30;

    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void close() {
        closing = true;
        try {
            // The loop sees `closing` within a second and stops the engine cleanly, so Debezium stores
            // its offsets. An interrupt would cut that short (offsets lost, threads left retrying), so
            // it is only the fallback for a loop stuck in a call that ignores `closing`.
            if (!terminated.await(CLEAN_STOP_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("publisher did not stop within {} s; interrupting it", CLEAN_STOP_SECONDS);
                thread.interrupt();
                if (!terminated.await(CLEAN_STOP_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("publisher did not stop after an interrupt either");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        statusLog.shutdownNow();
    }

    private void run() {
        try {
            while (!closing) {
                try (Leadership leadership = Leadership.connect(config.dbUrl(), config.dbUser(), config.dbPassword(), config.slot())) {
                    if (awaitLeadership(leadership)) {
                        health.phase(PublisherHealth.Phase.STARTING, "took the lock; preparing slot '" + config.slot() + "'");
                        LOG.info("active: this instance publishes slot '{}' to {}", config.slot(), config.topics().changes().name());
                        lead(leadership);
                    }
                } catch (FatalPublisherException e) {
                    health.phase(PublisherHealth.Phase.FAILED, e.getMessage());
                    failure = e;
                    LOG.error("stopped: {}", e.getMessage());
                    return;
                } catch (InterruptedException e) {
                    if (!closing) {
                        LOG.warn("interrupted; stopping");
                    }
                    return;
                } catch (Exception e) {
                    if (closing) {
                        return;
                    }
                    health.phase(PublisherHealth.Phase.RETRYING, e.toString());
                    LOG.warn("publisher failed ({}); retrying in {} ms", e.toString(), RETRY_PAUSE_MS);
                    pause(RETRY_PAUSE_MS);
                }
            }
        } finally {
            metrics.active(false);
            if (failure == null) {
                health.phase(PublisherHealth.Phase.STOPPED, "");
            }
            terminated.countDown();
            LOG.info("stopped");
        }
    }

    private boolean awaitLeadership(Leadership leadership) throws SQLException, InterruptedException {
        boolean said = false;
        while (!closing) {
            if (leadership.tryAcquire()) {
                return true;
            }
            health.phase(PublisherHealth.Phase.STANDBY, "");
            leadership.slotLagBytes().ifPresent(metrics::slotLag);
            if (!said) {
                LOG.info("standby: another publisher holds slot '{}'; waiting to take over", config.slot());
                said = true;
            }
            Thread.sleep(STANDBY_POLL_MS);
        }
        return false;
    }

    /** Runs the engine while this instance leads; returns when leadership is lost or on close. */
    private void lead(Leadership leadership) throws Exception {
        while (!closing && leadership.stillHeld()) {
            boolean firstStart = SlotPreparation.prepare(config);
            EngineRun run = EngineRun.start(config, metrics, firstStart);
            metrics.active(true);
            health.phase(PublisherHealth.Phase.ACTIVE, "");
            try {
                while (!closing && !run.awaitStop(Duration.ofSeconds(1))) {
                    leadership.slotLagBytes().ifPresent(metrics::slotLag);
                    if (!leadership.stillHeld()) {
                        LOG.error("lost the leadership lock's connection; stopping the engine so that only one publisher runs");
                        break;
                    }
                }
            } finally {
                metrics.active(false);
                run.close();
            }
            if (run.fatal() != null) {
                throw new FatalPublisherException(run.fatal().getMessage());
            }
            if (!closing) {
                health.phase(PublisherHealth.Phase.RETRYING, "engine stopped (" + run.outcome() + ")");
                LOG.warn("engine stopped ({}); restarting in {} ms", run.outcome(), RETRY_PAUSE_MS);
                pause(RETRY_PAUSE_MS);
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }
}
