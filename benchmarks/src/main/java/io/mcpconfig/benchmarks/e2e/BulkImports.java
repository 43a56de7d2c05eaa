package io.mcpconfig.benchmarks.e2e;

import io.mcpconfig.cache.ListenerRegistration;
import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.quickstart.LocalStack;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Bulk imports as plain SQL: how long until one client has every row. */
final class BulkImports {
    private static final long LIMIT_NANOS = TimeUnit.MINUTES.toNanos(3);

    private BulkImports() {}

    /**
     * {@code transactions} statements (autocommit, back to back), each inserting {@code rowsPerOrg}
     * new override prompts into each of {@code orgsPerTx} orgs of its own, starting at {@code firstOrg}.
     */
    static Report.Bulk run(LocalStack stack, String what, int firstOrg, int transactions, int orgsPerTx, int rowsPerOrg)
            throws Exception {
        String tag = "bulk" + System.nanoTime();
        int orgs = transactions * orgsPerTx;
        Set<String> done = ConcurrentHashMap.newKeySet();
        AtomicLong lastDone = new AtomicLong();
        try (ListenerRegistration ignored = stack.cache().addListener(change -> {
            if (complete(change.after(), tag, rowsPerOrg) && done.add(change.orgId())) {
                lastDone.set(System.nanoTime());
            }
        }); Connection c = stack.connect(); Statement st = c.createStatement()) {
            long start = System.nanoTime();
            long committed = start;
            for (int t = 0; t < transactions; t++) {
                int from = firstOrg + t * orgsPerTx;
                st.executeUpdate("INSERT INTO organization_prompt (org_id, name, template, active) "
                        + "SELECT 'bench-' || lpad(o::text, 5, '0'), 'bulk_' || n, '" + tag + " ' || n, true "
                        + "FROM generate_series(" + from + ", " + (from + orgsPerTx - 1) + ") o, generate_series(0, "
                        + (rowsPerOrg - 1) + ") n");
                committed = System.nanoTime();
            }
            long deadline = System.nanoTime() + LIMIT_NANOS;
            while (done.size() < orgs && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            if (done.size() < orgs) {
                // Reported as such rather than aborting the run: the other figures still stand.
                return new Report.Bulk(what + String.format(" (NOT COMPLETE: %d of %d orgs had every row after 3 min)",
                        done.size(), orgs), (committed - start) / 1e6, Double.NaN, Double.NaN);
            }
            return new Report.Bulk(what, (committed - start) / 1e6, Math.max(0, lastDone.get() - committed) / 1e6,
                    (lastDone.get() - start) / 1e6);
        }
    }

    private static boolean complete(OrgView view, String tag, int rows) {
        for (int n = 0; n < rows; n++) {
            Prompt p = view.prompt("bulk_" + n);
            if (p == null || !p.template().equals(tag + " " + n)) {
                return false;
            }
        }
        return true;
    }
}
