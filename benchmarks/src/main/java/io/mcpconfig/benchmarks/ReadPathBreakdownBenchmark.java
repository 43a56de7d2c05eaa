package io.mcpconfig.benchmarks;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.internal.OfflineCache;
import io.mcpconfig.schemas.serde.AvroSerdes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Where {@link ReadPathBenchmark}'s time goes: the same cache, keys and pairs, with the read path cut
 * in parts. {@code forOrgOnly} is the org lookup, {@code promptOnly} the prompt lookup in views fetched
 * beforehand, {@code chmThenPrompt} the prompt lookup after a plain map lookup, {@code full} the whole
 * path and {@code chmGet} the baseline, all in one run. Not a budget: a diagnosis (docs/benchmarks.md).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ReadPathBreakdownBenchmark -f 1 -wi 3 -w 2s -i 4 -r 1s -t 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReadPathBreakdownBenchmark {
    private static final int ORGS = ReadPathBenchmark.ORGS;
    private static final int PAIRS = 1 << 12;
    private ConfigCache cache;
    private final ConcurrentHashMap<String, Object> map = new ConcurrentHashMap<>();
    private final String[] orgs = new String[PAIRS];
    private final String[] names = new String[PAIRS];
    private final OrgView[] views = new OrgView[PAIRS];

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
            views[k] = cache.forOrg(orgs[k]);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cache.close();
    }


    @Benchmark
    public Prompt full(Cursor c) {
        int k = c.next(PAIRS - 1);
        return cache.forOrg(orgs[k]).prompt(names[k]);
    }

    @Benchmark
    public OrgView forOrgOnly(Cursor c) {
        int k = c.next(PAIRS - 1);
        return cache.forOrg(orgs[k]);
    }

    @Benchmark
    public Prompt promptOnly(Cursor c) {
        int k = c.next(PAIRS - 1);
        return views[k].prompt(names[k]);
    }

    @Benchmark
    public Object chmGet(Cursor c) {
        int k = c.next(PAIRS - 1);
        return map.get(orgs[k]);
    }

    @Benchmark
    public Prompt chmThenPrompt(Cursor c) {
        int k = c.next(PAIRS - 1);
        return ((OrgView) map.get(orgs[k])).prompt(names[k]);
    }
}
