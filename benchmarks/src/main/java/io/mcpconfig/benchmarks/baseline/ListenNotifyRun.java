package io.mcpconfig.benchmarks.baseline;

import io.mcpconfig.schemas.avro.OrgView;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Measures baseline (b), {@link ListenNotifyBaseline}: staleness per change and the query load it causes. */
public final class ListenNotifyRun {
    /**
     * @param stalenessMillis    commit until each server serves an org change (one entry per server and change)
     * @param defaultChangeMillis commit of one default change until every server reloaded every org
     * @param queriesPerSecond   database queries per second under the steady workload
     */
    public record Result(List<Double> stalenessMillis, double defaultChangeMillis, double queriesPerSecond, String workload) {}

    private ListenNotifyRun() {}

    public static Result run(String jdbcUrl, String user, String password, List<String> orgs, int servers,
            int changes, int workloadSeconds, int orgChangesPerSecond, long seed) throws SQLException {
        Random random = new Random(seed);
        try (Connection admin = DriverManager.getConnection(jdbcUrl, user, password)) {
            ListenNotifyBaseline.install(admin);
            try (ListenNotifyBaseline baseline = new ListenNotifyBaseline(jdbcUrl, user, password, orgs, servers)) {
                List<Double> staleness = new ArrayList<>();
                for (int i = 0; i < changes; i++) {
                    String org = orgs.get(random.nextInt(orgs.size()));
                    String template = "ln change " + i + " {{x}}";
                    long committed = write(admin, org, template);
                    for (ListenNotifyBaseline.Server server : baseline.servers) {
                        awaitServed(server, org, template);
                        // The reload that made it serve the change stamped its time; waiting for the
                        // other servers must not count against this one.
                        staleness.add((server.loadedAtNanos.get(org) - committed) / 1e6);
                    }
                }

                long defaultCommitted = writeDefault(admin, "ln default change");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                for (ListenNotifyBaseline.Server server : baseline.servers) {
                    for (String org : orgs) {
                        while (server.loadedAtNanos.getOrDefault(org, 0L) < defaultCommitted) {
                            if (System.nanoTime() > deadline) {
                                throw new IllegalStateException("a LISTEN/NOTIFY server never reloaded " + org
                                        + " after the default change (60 s)");
                            }
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                        }
                    }
                }
                double defaultChangeMillis = (System.nanoTime() - defaultCommitted) / 1e6;

                long before = baseline.queries.sum();
                long start = System.nanoTime();
                for (int s = 0; s < workloadSeconds; s++) {
                    for (int c = 0; c < orgChangesPerSecond; c++) {
                        write(admin, orgs.get(random.nextInt(orgs.size())), "ln load " + s + "." + c + " {{x}}");
                        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1) / orgChangesPerSecond);
                    }
                    if (s == workloadSeconds / 2) {
                        writeDefault(admin, "ln default during load " + s);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                // Reloads triggered near the end still count: wait until the servers are idle.
                long last;
                do {
                    last = baseline.queries.sum();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
                } while (baseline.queries.sum() != last);
                double qps = (baseline.queries.sum() - before) / seconds;
                return new Result(staleness, defaultChangeMillis, qps,
                        orgChangesPerSecond + " org changes/s and 1 default change in " + workloadSeconds + " s");
            } finally {
                ListenNotifyBaseline.uninstall(admin);
            }
        }
    }

    private static long write(Connection admin, String org, String template) throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute("INSERT INTO organization_prompt (org_id, name, template) VALUES ('" + org + "', 'code_review', '"
                    + template + "') ON CONFLICT (org_id, name) DO UPDATE SET template = EXCLUDED.template");
        }
        return System.nanoTime();
    }

    private static long writeDefault(Connection admin, String template) throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute("UPDATE default_prompt SET template = '" + template + " {{code}}' WHERE name = 'summarize_document'");
        }
        return System.nanoTime();
    }

    private static void awaitServed(ListenNotifyBaseline.Server server, String org, String template) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            OrgView view = server.views.get(org);
            if (view != null && view.getPrompts().stream().anyMatch(p -> p.getTemplate().equals(template))) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
        throw new IllegalStateException("a LISTEN/NOTIFY server never served the change to " + org);
    }
}
