package io.mcpconfig.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.junit.jupiter.api.Test;

class ReadStatsTest {
    @Test
    void hitsOfEveryThreadAndCaffeinesOwnCountsAddUpInTheSnapshot() throws Exception {
        ReadStats stats = new ReadStats();
        Thread[] readers = new Thread[4];
        for (int t = 0; t < readers.length; t++) {
            readers[t] = new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    stats.hit();
                }
            });
            readers[t].start();
            readers[t].join(); // one after another: no two threads share a stripe at once, so none is lost
        }
        stats.hit();
        stats.recordHits(2);
        stats.recordMisses(3);
        stats.recordLoadSuccess(10);
        stats.recordEviction(7, RemovalCause.SIZE);

        CacheStats s = stats.snapshot();
        assertThat(s.hitCount()).isEqualTo(4_003);
        assertThat(s.missCount()).isEqualTo(3);
        assertThat(s.loadSuccessCount()).isEqualTo(1);
        assertThat(s.evictionCount()).isEqualTo(1);
        assertThat(s.evictionWeight()).isEqualTo(7);
    }
}
