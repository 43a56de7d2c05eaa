package io.mcpconfig.benchmarks.baseline;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.mcpconfig.schemas.avro.OrgView;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Baseline (a), "the old way": every MCP server keeps a read-through Caffeine cache of org views
 * with {@code expireAfterWrite(5 min)}, loading misses from PostgreSQL. Time is simulated through
 * Caffeine's {@link Ticker} (minutes of TTL can't be waited out in a benchmark); the loads are real
 * SQL against the real database, so the query count is real.
 */
public final class TtlReadThroughBaseline {
    /** Staleness in (simulated) seconds from commit until a server serves the change; queries per simulated second. */
    public record Result(List<Double> stalenessSeconds, double queriesPerSecond, long simulatedSeconds, long queries) {}

    private TtlReadThroughBaseline() {}

    public static Result run(String jdbcUrl, String user, String password, List<String> orgs, int servers,
            Duration ttl, int requestsPerServerPerSecond, int simulatedSeconds, int changes, long seed) throws SQLException {
        AtomicLong nanos = new AtomicLong();
        Ticker ticker = nanos::get;
        LongAdder queries = new LongAdder();
        Random random = new Random(seed);
        List<Connection> connections = new ArrayList<>();
        List<LoadingCache<String, OrgView>> caches = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(jdbcUrl, user, password)) {
            for (int s = 0; s < servers; s++) {
                Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                connections.add(c);
                SqlViewLoader loader = new SqlViewLoader(c, queries);
                LoadingCache<String, SqlViewLoader.Defaults> defaults = Caffeine.newBuilder().ticker(ticker)
                        .expireAfterWrite(ttl).build(k -> loader.loadDefaults());
                caches.add(Caffeine.newBuilder().ticker(ticker).expireAfterWrite(ttl)
                        .build(org -> loader.loadOrg(org, defaults.get("defaults"))));
            }
            List<Double> staleness = new ArrayList<>();
            int warmup = (int) ttl.toSeconds();
            int changeEvery = Math.max(1, (simulatedSeconds - warmup - (int) ttl.toSeconds()) / Math.max(1, changes));
            List<Change> pending = new ArrayList<>();
            long queriesAtWarmup = 0;
            for (int second = 0; second < simulatedSeconds; second++) {
                nanos.addAndGet(Duration.ofSeconds(1).toNanos());
                if (second == warmup) {
                    queriesAtWarmup = queries.sum();
                }
                if (second >= warmup && (second - warmup) % changeEvery == 0 && pending.size() + staleness.size() / servers < changes) {
                    String org = orgs.get(random.nextInt(orgs.size()));
                    String template = "changed at " + second + " {{x}}";
                    try (Statement st = admin.createStatement()) {
                        st.execute("INSERT INTO organization_prompt (org_id, name, template) VALUES ('" + org + "', 'code_review', '"
                                + template + "') ON CONFLICT (org_id, name) DO UPDATE SET template = EXCLUDED.template");
                    }
                    pending.add(new Change(org, template, second, new boolean[servers]));
                }
                for (LoadingCache<String, OrgView> cache : caches) {
                    for (int r = 0; r < requestsPerServerPerSecond; r++) {
                        cache.get(orgs.get(random.nextInt(orgs.size())));
                    }
                }
                for (Change change : pending) {
                    for (int s = 0; s < servers; s++) {
                        if (!change.seen[s] && serves(caches.get(s).get(change.org), change.template)) {
                            change.seen[s] = true;
                            staleness.add((double) (second - change.second));
                        }
                    }
                }
                pending.removeIf(Change::seenByAll);
            }
            long measured = queries.sum() - queriesAtWarmup;
            return new Result(staleness, measured / (double) (simulatedSeconds - warmup), simulatedSeconds, measured);
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private static boolean serves(OrgView view, String template) {
        return view != null && view.getPrompts().stream().anyMatch(p -> p.getTemplate().equals(template));
    }

    private record Change(String org, String template, int second, boolean[] seen) {
        boolean seenByAll() {
            for (boolean b : seen) {
                if (!b) {
                    return false;
                }
            }
            return true;
        }
    }
}
