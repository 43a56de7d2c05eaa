package io.mcpconfig.publisher.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The periodic one-line status: role, events and their rate, transactions, lag, position. */
final class StatusLine implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger("io.mcpconfig.publisher.status");

    private final PublisherMetrics metrics;
    private long lastEvents;
    private long lastNanos = System.nanoTime();

    StatusLine(PublisherMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        long events = metrics.eventsSent();
        double perSecond = (events - lastEvents) / Math.max(1e-9, (now - lastNanos) / 1e9);
        lastEvents = events;
        lastNanos = now;
        LOG.info("{}: events={} ({} /s), transactions={}, skipped={}, last commit LSN={}, lag={} ms",
                metrics.isActive() ? "active" : "standby", events, String.format("%.1f", perSecond),
                metrics.transactions(), metrics.skippedCount(), Lsns.format(metrics.lastCommitLsn()), metrics.lagMillis());
    }
}
