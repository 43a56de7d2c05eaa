package io.mcpconfig.cache.internal;

import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;

/**
 * Caffeine's statistics counter, with hits counted the read path's way: every {@code forOrg} that
 * finds its decoded view is a hit, and that happens on every request, so it must cost next to
 * nothing. A {@code LongAdder} increment (Caffeine's {@link ConcurrentStatsCounter}) is a CAS, as
 * slow as the map lookup it counts (docs/benchmarks.md); here each thread adds to its own stripe of
 * plain longs, each on its own cache line. Two threads sharing a stripe may, rarely, lose an
 * increment: these are statistics (hit rate), not data. Misses, loads and evictions are rare and
 * go to Caffeine's counter unchanged.
 */
final class ReadStats implements StatsCounter {
    private static final int STRIPES = 64; // power of two
    private static final int PAD = 16; // longs per stripe: 128 bytes, so stripes never share a cache line

    private final long[] hits = new long[STRIPES * PAD];
    private final ConcurrentStatsCounter rest = new ConcurrentStatsCounter();

    /** One hit, on the calling thread's stripe. */
    void hit() {
        hits[((int) Thread.currentThread().getId() & (STRIPES - 1)) * PAD]++;
    }

    long hitCount() {
        long sum = 0;
        for (int i = 0; i < hits.length; i += PAD) {
            sum += hits[i];
        }
        return sum;
    }

    @Override
    public void recordHits(int count) {
        rest.recordHits(count);
    }

    @Override
    public void recordMisses(int count) {
        rest.recordMisses(count);
    }

    @Override
    public void recordLoadSuccess(long loadTime) {
        rest.recordLoadSuccess(loadTime);
    }

    @Override
    public void recordLoadFailure(long loadTime) {
        rest.recordLoadFailure(loadTime);
    }

    @Override
    public void recordEviction(int weight, RemovalCause cause) {
        rest.recordEviction(weight, cause);
    }

    @Override
    public CacheStats snapshot() {
        CacheStats s = rest.snapshot();
        return CacheStats.of(s.hitCount() + hitCount(), s.missCount(), s.loadSuccessCount(), s.loadFailureCount(),
                s.totalLoadTime(), s.evictionCount(), s.evictionWeight());
    }
}
