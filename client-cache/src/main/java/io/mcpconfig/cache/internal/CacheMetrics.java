package io.mcpconfig.cache.internal;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cache's meters, all named {@code mcpconfig.cache.*}. Counters and gauges are updated by the
 * consumer thread and read by the registry from any thread.
 */
final class CacheMetrics {
    static final String PREFIX = "mcpconfig.cache";

    private final Clock clock;
    private final AtomicLong newestUpdateMillis = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lag = new AtomicLong(-1);
    final Counter applied;
    final Counter droppedStale;
    final Counter droppedUndecodable;
    final Counter snapshotCorrupt;
    final Counter snapshotWrites;
    final Counter snapshotWriteFailures;
    final Counter listenerFailures;

    CacheMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        applied = Counter.builder(PREFIX + ".updates.applied").description("view updates applied (tombstones included)")
                .register(registry);
        droppedStale = dropped(registry, "stale");
        droppedUndecodable = dropped(registry, "undecodable");
        snapshotCorrupt = Counter.builder(PREFIX + ".snapshot.corrupt")
                .description("snapshots found corrupt, truncated or unreadable at start, and ignored").register(registry);
        snapshotWrites = Counter.builder(PREFIX + ".snapshot.writes").register(registry);
        snapshotWriteFailures = Counter.builder(PREFIX + ".snapshot.write.failures").register(registry);
        listenerFailures = Counter.builder(PREFIX + ".listener.failures")
                .description("listener calls that threw").register(registry);
        TimeGauge.builder(PREFIX + ".staleness", this, TimeUnit.MILLISECONDS, CacheMetrics::stalenessMillis)
                .description("age of the newest applied update (now - its commit time); NaN before the first")
                .register(registry);
        Gauge.builder(PREFIX + ".lag", lag, AtomicLong::get)
                .description("records between the consumer's positions and the end offsets; -1 while unknown")
                .register(registry);
    }

    private static Counter dropped(MeterRegistry registry, String reason) {
        return Counter.builder(PREFIX + ".updates.dropped").tag("reason", reason)
                .description("view updates not applied").register(registry);
    }

    void bind(MeterRegistry registry, ViewStore store) {
        Gauge.builder(PREFIX + ".views", store, ViewStore::size).description("views held (own views and _defaults)")
                .register(registry);
        Cache<String, ?> decoded = store.decodedCache();
        // Caffeine's statistics as Micrometer meters (cache.gets{result=hit|miss}, evictions, ...).
        CaffeineCacheMetrics.monitor(registry, decoded, PREFIX + ".decoded");
        Gauge.builder(PREFIX + ".decoded.hit.ratio", decoded, c -> c.stats().hitRate())
                .description("hits / requests of the decoded-view cache since start").register(registry);
    }

    void updateApplied(long updatedAtMillis) {
        applied.increment();
        observed(updatedAtMillis);
    }

    /** A view held (e.g. from the snapshot) that staleness must account for. */
    void observed(long updatedAtMillis) {
        newestUpdateMillis.accumulateAndGet(updatedAtMillis, Math::max);
    }

    void lag(long records) {
        lag.set(records);
    }

    /** Records between the consumer's positions and the end offsets; -1 while unknown. */
    long lag() {
        return lag.get();
    }

    private double stalenessMillis() {
        long newest = newestUpdateMillis.get();
        return newest == Long.MIN_VALUE ? Double.NaN : Math.max(0, clock.millis() - newest);
    }
}
