package io.mcpconfig.cache.internal;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.schemas.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Test and benchmark hook, not API: a {@link ConfigCache} holding given view records and never
 * touching Kafka, so the read path can be measured (module {@code benchmarks}) without a broker.
 * It runs the same store, decoding and interning as a real cache; only the consumer is missing.
 */
public final class OfflineCache {
    private OfflineCache() {}

    /**
     * @param records view records as the views topic carries them ({@code AvroSerdes.orgView()}),
     *                applied in order as if consumed
     */
    public static ConfigCache of(Iterable<byte[]> records) {
        CacheConfig config = new CacheConfig("offline:0", Topics.withPrefix(Topics.DEFAULT_PREFIX), null, null,
                Duration.ofSeconds(30), 256L * 1024 * 1024, Clock.systemUTC(), null, new SimpleMeterRegistry(),
                Map.of());
        return CacheEngine.offline(config, records);
    }
}
