package io.mcpconfig.benchmarks;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.internal.OfflineCache;
import io.mcpconfig.schemas.serde.AvroSerdes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client's read path, {@code cache.forOrg(o).prompt(n)}, against a plain
 * {@code ConcurrentHashMap.get} in the same run, over the same keys. Budget (DESIGN.md): at least
 * 0.5x the map's throughput, and no allocation (see {@code gc.alloc.rate.norm} with {@code -prof gc}).
 *
 * <p>The cache holds {@value #ORGS} org views plus the defaults, built through
 * {@link OfflineCache} (the same store, decoding and interning as a Kafka-fed cache, without a
 * broker). Each call picks the next (org, prompt) pair from a precomputed table, identical for
 * both benchmarks, so only the lookup differs.
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -q -B -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ReadPathBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReadPathBenchmark {
    static final int ORGS = 1_000;
    static final int PAIRS = 1 << 12; // power of two: the index wraps with a mask

    ConfigCache cache;
    final ConcurrentHashMap<String, Object> map = new ConcurrentHashMap<>();
    // The same entries keyed by equal but distinct strings, as in production: a request's org id is
    // parsed from its token, never the very instance the map holds, so String.equals runs in full.
    private final ConcurrentHashMap<String, Object> mapOfEqualKeys = new ConcurrentHashMap<>();
    // The simplest structure that answers the same question: org -> (name -> prompt), plain JDK maps,
    // keyed like the cache (equal, not identical, org ids; the views' own prompt names).
    private final ConcurrentHashMap<String, Map<String, Prompt>> twoLevel = new ConcurrentHashMap<>();
    final String[] orgs = new String[PAIRS];
    final String[] names = new String[PAIRS];

    @Setup(Level.Trial)
    public void setUp() {
        List<byte[]> records = new ArrayList<>();
        records.add(AvroSerdes.orgView().serialize("views", SampleViews.defaults()));
        for (int i = 0; i < ORGS; i++) {
            records.add(AvroSerdes.orgView().serialize("views", SampleViews.org(i, 10 + i)));
        }
        cache = OfflineCache.of(records);
        java.util.Random random = new java.util.Random(42);
        for (int k = 0; k < PAIRS; k++) {
            int org = random.nextInt(ORGS);
            orgs[k] = SampleViews.orgId(org);
            names[k] = SampleViews.promptName(random.nextInt(SampleViews.PROMPTS));
            map.put(orgs[k], cache.forOrg(orgs[k]));
            mapOfEqualKeys.put(new String(orgs[k]), cache.forOrg(orgs[k]));
            Map<String, Prompt> byName = new HashMap<>();
            cache.forOrg(orgs[k]).prompts().forEach(p -> byName.put(p.name(), p));
            twoLevel.put(new String(orgs[k]), byName);
        }
        for (int k = 0; k < PAIRS; k++) {
            if (cache.forOrg(orgs[k]).prompt(names[k]) == null) {
                throw new IllegalStateException("benchmark setup: " + orgs[k] + " has no " + names[k]);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cache.close();
    }


    @Benchmark
    public Prompt cacheForOrgPrompt(Cursor cursor) {
        int k = cursor.next(PAIRS - 1);
        return cache.forOrg(orgs[k]).prompt(names[k]);
    }

    @Benchmark
    public Object concurrentHashMapGet(Cursor cursor) {
        int k = cursor.next(PAIRS - 1);
        return map.get(orgs[k]);
    }

    /**
     * The same read on two plain maps: what any per-org structure must at least do (two dependent
     * lookups, the second in the org's own table). The cache's bookkeeping is the difference.
     */
    @Benchmark
    public Prompt twoLevelMapGet(Cursor cursor) {
        int k = cursor.next(PAIRS - 1);
        return twoLevel.get(orgs[k]).get(names[k]);
    }

    /** The baseline with keys equal to, not identical with, the looked-up ones (the cache's case). */
    @Benchmark
    public Object concurrentHashMapGetEqualKeys(Cursor cursor) {
        int k = cursor.next(PAIRS - 1);
        return mapOfEqualKeys.get(orgs[k]);
    }
}
