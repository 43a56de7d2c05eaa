package io.mcpconfig.benchmarks.baseline;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.OrgView;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Baseline (b): PostgreSQL {@code LISTEN/NOTIFY} invalidation. A trigger notifies the changed
 * scope; every MCP server listens, and reloads that org (or, for a default change, every org) from
 * the database. Real time, real queries. The trigger is installed by {@link #install} for the
 * benchmark only; it is not part of mcp-config.
 */
final class ListenNotifyBaseline implements AutoCloseable {
    static final String CHANNEL = "mcpconfig_bench_changed";

    /** One simulated MCP server: a listening connection, a query connection, and its views. */
    final class Server implements Runnable {
        final Map<String, OrgView> views = new ConcurrentHashMap<>();
        final Map<String, Long> loadedAtNanos = new ConcurrentHashMap<>();
        private final Connection listen;
        private final SqlViewLoader loader;
        private SqlViewLoader.Defaults defaults;

        Server(Connection listen, Connection query) throws SQLException {
            this.listen = listen;
            this.loader = new SqlViewLoader(query, queries);
            try (Statement st = listen.createStatement()) {
                st.execute("LISTEN " + CHANNEL);
            }
            reloadAll();
        }

        private void reloadAll() throws SQLException {
            defaults = loader.loadDefaults();
            for (String org : orgs) {
                reload(org);
            }
        }

        private void reload(String org) throws SQLException {
            OrgView view = loader.loadOrg(org, defaults);
            if (view == null) {
                views.remove(org);
            } else {
                views.put(org, view);
            }
            loadedAtNanos.put(org, System.nanoTime());
        }

        @Override
        public void run() {
            PGConnection pg;
            try {
                pg = listen.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(50);
                    if (notifications == null) {
                        continue;
                    }
                    boolean defaultsChanged = false;
                    List<String> changedOrgs = new ArrayList<>();
                    for (PGNotification n : notifications) {
                        if (Scopes.isDefaults(n.getParameter())) {
                            defaultsChanged = true;
                        } else {
                            changedOrgs.add(n.getParameter());
                        }
                    }
                    if (defaultsChanged) {
                        reloadAll();
                    } else {
                        for (String org : changedOrgs) {
                            reload(org);
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    throw new IllegalStateException("listen/notify server failed", e);
                }
            }
        }
    }

    final LongAdder queries = new LongAdder();
    final List<Server> servers = new ArrayList<>();
    private final List<String> orgs;
    private final List<Connection> connections = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    ListenNotifyBaseline(String jdbcUrl, String user, String password, List<String> orgs, int serverCount) throws SQLException {
        this.orgs = orgs;
        for (int i = 0; i < serverCount; i++) {
            Connection listen = DriverManager.getConnection(jdbcUrl, user, password);
            Connection query = DriverManager.getConnection(jdbcUrl, user, password);
            connections.add(listen);
            connections.add(query);
            Server server = new Server(listen, query);
            servers.add(server);
            Thread t = new Thread(server, "listen-notify-server-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    /** Installs the notify trigger on the config tables (idempotent). */
    static void install(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE FUNCTION mcpconfig_bench_notify() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    + "BEGIN PERFORM pg_notify('" + CHANNEL + "', mcpconfig_scope_of(TG_TABLE_NAME, to_jsonb(coalesce(NEW, OLD)))); "
                    + "RETURN NULL; END $$");
            for (String table : List.of("organization", "default_prompt", "default_resource", "organization_prompt", "organization_resource")) {
                st.execute("DROP TRIGGER IF EXISTS " + table + "_bench_notify ON " + table);
                st.execute("CREATE TRIGGER " + table + "_bench_notify AFTER INSERT OR UPDATE OR DELETE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION mcpconfig_bench_notify()");
            }
        }
    }

    static void uninstall(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String table : List.of("organization", "default_prompt", "default_resource", "organization_prompt", "organization_resource")) {
                st.execute("DROP TRIGGER IF EXISTS " + table + "_bench_notify ON " + table);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Connection c : connections) {
            c.close();
        }
    }
}
