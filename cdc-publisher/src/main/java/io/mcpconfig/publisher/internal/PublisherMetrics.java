package io.mcpconfig.publisher.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mcpconfig.schemas.avro.ChangeOp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The publisher's meters, all named {@code mcpconfig.publisher.*}: events sent (by op),
 * transactions published, skipped changes, the last commit LSN, replication lag (now minus
 * the commit time of the newest published transaction, 0 when idle and caught up), the WAL the
 * slot holds back (bytes) and whether this instance is the active one. Thread-safe.
 */
public final class PublisherMetrics {
    private final Clock clock;
    private final Map<ChangeOp, Counter> events = new EnumMap<>(ChangeOp.class);
    private final Counter transactions;
    private final Counter skipped;
    private final AtomicLong lastCommitLsn = new AtomicLong();
    private final AtomicLong lastCommitMillis = new AtomicLong();
    private final AtomicLong lastLagMillis = new AtomicLong();
    private final AtomicBoolean active = new AtomicBoolean();
    private final AtomicLong slotLagBytes = new AtomicLong(-1);

    public PublisherMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        for (ChangeOp op : ChangeOp.values()) {
            events.put(op, Counter.builder("mcpconfig.publisher.events").tag("op", op.name())
                    .description("change events sent to Kafka").register(registry));
        }
        transactions = Counter.builder("mcpconfig.publisher.transactions")
                .description("transactions (and snapshots) published whole").register(registry);
        skipped = Counter.builder("mcpconfig.publisher.skipped")
                .description("row changes that could not be mapped and were skipped (see the log)").register(registry);
        Gauge.builder("mcpconfig.publisher.last.commit.lsn", lastCommitLsn, AtomicLong::get)
                .description("commit LSN of the newest published transaction").register(registry);
        Gauge.builder("mcpconfig.publisher.lag", this, PublisherMetrics::lagMillis).baseUnit("milliseconds")
                .description("commit-to-publish delay of the newest published transaction").register(registry);
        Gauge.builder("mcpconfig.publisher.slot.lag", slotLagBytes, b -> b.get() < 0 ? Double.NaN : b.get()).baseUnit("bytes")
                .description("WAL the replication slot holds back: the server's WAL position minus the slot's confirmed one;"
                        + " NaN until first read").register(registry);
        Gauge.builder("mcpconfig.publisher.active", active, a -> a.get() ? 1 : 0)
                .description("1 while this instance holds the slot and publishes, 0 on standby").register(registry);
    }

    void event(ChangeOp op) {
        events.get(op).increment();
    }

    void committed(long commitLsn, Instant commitTime) {
        transactions.increment();
        lastCommitLsn.set(commitLsn);
        lastCommitMillis.set(commitTime.toEpochMilli());
        lastLagMillis.set(Math.max(0, clock.millis() - commitTime.toEpochMilli()));
    }

    void slotLag(long bytes) {
        slotLagBytes.set(bytes);
    }

    void skipped() {
        skipped.increment();
    }

    public void active(boolean isActive) {
        active.set(isActive);
    }

    public boolean isActive() {
        return active.get();
    }

    public long eventsSent() {
        return (long) events.values().stream().mapToDouble(Counter::count).sum();
    }

    public long transactions() {
        return (long) transactions.count();
    }

    public long skippedCount() {
        return (long) skipped.count();
    }

    public long lastCommitLsn() {
        return lastCommitLsn.get();
    }

    /** Lag of the newest published transaction, measured when it was published. */
    public long lagMillis() {
        return lastLagMillis.get();
    }

    public Instant lastCommitTime() {
        long millis = lastCommitMillis.get();
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }
}
