package io.mcpconfig.benchmarks;

import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * Where {@link ReadPathBenchmark}'s time goes: its cache, keys and pairs, and its benchmarks (the whole
 * path, {@code cacheForOrgPrompt}, and the baseline, {@code concurrentHashMapGet}), plus the read path cut
 * in parts, all in one run: {@code forOrgOnly} is the org lookup, {@code promptOnly} the prompt lookup in
 * views fetched beforehand, {@code chmThenPrompt} the prompt lookup after a plain map lookup. Not a
 * budget: a diagnosis (docs/benchmarks.md).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ReadPathBreakdownBenchmark -f 1 -wi 3 -w 2s -i 4 -r 1s -t 1
 * </pre>
 */
public class ReadPathBreakdownBenchmark extends ReadPathBenchmark {
    private final OrgView[] views = new OrgView[PAIRS];

    /** After {@link ReadPathBenchmark#setUp()} (JMH runs a superclass's setup first). */
    @Setup(Level.Trial)
    public void holdViews() {
        for (int k = 0; k < PAIRS; k++) {
            views[k] = cache.forOrg(orgs[k]);
        }
    }

    @Benchmark
    public OrgView forOrgOnly(Cursor c) {
        return cache.forOrg(orgs[c.next(PAIRS - 1)]);
    }

    @Benchmark
    public Prompt promptOnly(Cursor c) {
        int k = c.next(PAIRS - 1);
        return views[k].prompt(names[k]);
    }

    @Benchmark
    public Prompt chmThenPrompt(Cursor c) {
        int k = c.next(PAIRS - 1);
        return ((OrgView) map.get(orgs[k])).prompt(names[k]);
    }
}
