package io.mcpconfig.console;

import io.mcpconfig.admin.ConfigAdmin;
import io.mcpconfig.admin.stream.ChangeLog;
import io.mcpconfig.admin.stream.ClientReceipts;
import io.mcpconfig.admin.stream.Lsn;
import io.mcpconfig.admin.stream.PipelineStatus;
import io.mcpconfig.admin.stream.StatusFormat;
import io.mcpconfig.admin.stream.StatusReader;
import io.mcpconfig.schemas.config.KafkaSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mcpconfig.cache.CacheStatus;
import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.console.internal.ControlPlane;
import io.mcpconfig.console.internal.Propagation;
import io.mcpconfig.console.internal.api.ApiServlet;
import io.mcpconfig.console.internal.web.EventsServlet;
import io.mcpconfig.console.internal.web.Html;
import io.mcpconfig.console.internal.web.PagesServlet;
import io.mcpconfig.management.Health;
import io.mcpconfig.management.ManagementServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.MultipartConfigElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The console's clients of the outside world: the control-plane library over PostgreSQL and the
 * change stream, its own reader of {@code mcpconfig.views} (for save confirmations and status), and
 * the management endpoints. Mounts the API, the pages and the event stream.
 */
final class ConsoleServices implements AutoCloseable {
    private final HikariDataSource db;
    private final ConfigCache views;
    private final ChangeLog changes;
    private final Propagation propagation;
    private final ControlPlane plane;
    private final ManagementServer management;

    private final ConsoleConfig config;
    static final int POOL_SIZE = 8;

    private ConsoleServices(ConsoleConfig config, HikariDataSource db, ConfigCache views, ChangeLog changes, Propagation propagation, ControlPlane plane,
                            ManagementServer management) {
        this.config = config;
        this.db = db;
        this.views = views;
        this.changes = changes;
        this.propagation = propagation;
        this.plane = plane;
        this.management = management;
    }

    static ConsoleServices connect(ConsoleConfig config) {
        HikariDataSource db = pool(config);
        ConfigAdmin admin = ConfigAdmin.using(db);
        // no receipt: the console is not an MCP server, and must not count itself among them
        ConfigCache views = ConfigCache.builder().kafka(config.kafka()).clientReceipts(false).build();
        ChangeLog changes = null;
        Propagation propagation = null;
        try {
            changes = ChangeLog.connect(config.kafka());
            propagation = new Propagation(views, revision -> serversAt(config.kafka(), revision));
            PrometheusMeterRegistry registry = ManagementServer.newRegistry();
            ManagementServer management = ManagementServer.start(config.managementPort(), registry, () ->
                    views.status() == CacheStatus.LIVE ? Health.ready("views live") : Health.notReady("views " + views.status()));
            return new ConsoleServices(config, db, views, changes, propagation, new ControlPlane(admin, changes, propagation), management);
        } catch (RuntimeException e) {
            if (propagation != null) {
                propagation.close();
            }
            if (changes != null) {
                changes.close();
            }
            views.close();
            db.close();
            throw e;
        }
    }

    /**
     * The console's database connections. A new PostgreSQL connection costs a backend process, the
     * password exchange and cold catalog caches: several milliseconds, and the org page made three.
     * No connection is required at startup: the console starts while the database is down.
     */
    static HikariDataSource pool(ConsoleConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("console-db");
        hikari.setJdbcUrl(config.dbUrl());
        hikari.setUsername(config.dbUser());
        hikari.setPassword(config.dbPassword());
        // a handful of people and API clients; each call holds one connection for one transaction
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(5_000);
        hikari.setInitializationFailTimeout(-1);
        // config-admin reads in REPEATABLE READ: as the pool's default, a read needs no isolation reset on return
        hikari.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        return new HikariDataSource(hikari);
    }

    /** Live MCP servers (fresh receipts) and how many of them hold {@code revision} or newer. */
    static Propagation.Servers serversAt(KafkaSettings kafka, long revision) {
        try {
            int known = 0;
            int reached = 0;
            for (PipelineStatus.Client client : ClientReceipts.read(kafka, Clock.systemUTC())) {
                if (client.stale()) {
                    continue;
                }
                known++;
                if (client.appliedRevision() != null && Lsn.parse(client.appliedRevision()) >= revision) {
                    reached++;
                }
            }
            return new Propagation.Servers(reached, known);
        } catch (RuntimeException e) {
            return new Propagation.Servers(0, -1);
        }
    }

    void mount(ServletContextHandler context, Html html) {
        context.addServlet(new ServletHolder(new ApiServlet(plane, this::pipelineStatus)), "/api/*");
        ServletHolder pages = new ServletHolder(new PagesServlet(plane, html, this::statusPage));
        pages.getRegistration().setMultipartConfig(new MultipartConfigElement("", 8 << 20, 8 << 20, 1 << 20));
        context.addServlet(pages, "/");
        context.addServlet(new ServletHolder(new EventsServlet(propagation, html)), "/events/*");
    }

    /** The pipeline as {@code mcpconfig status} reads it (the library's {@link StatusReader}). */
    PipelineStatus pipelineStatus() {
        try (Connection c = db.getConnection()) {
            return StatusReader.read(changes, config.kafka(), c, config.slot(), Clock.systemUTC());
        } catch (SQLException e) {
            return StatusReader.read(changes, config.kafka(), null, config.slot(), Clock.systemUTC());
        }
    }

    /** What the status page shows: the library's status, and this console's own reader of the views. */
    Map<String, Object> statusPage() {
        PipelineStatus s = pipelineStatus();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("viewsStatus", views.status().name());
        page.put("viewsHeld", views.orgIds().size() + 1);
        page.put("pipeline", StatusFormat.text(s));
        List<Map<String, Object>> servers = new ArrayList<>();
        for (PipelineStatus.Client c : s.clients()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("clientId", c.clientId());
            row.put("host", c.host());
            row.put("status", c.status() + (c.stale() ? " (stale)" : ""));
            row.put("viewsHeld", c.viewsHeld());
            row.put("appliedRevision", c.appliedRevision());
            row.put("sentAt", c.sentAt() == null ? "" : c.sentAt().toString());
            servers.add(row);
        }
        page.put("servers", servers);
        page.put("noServers", servers.isEmpty());
        return page;
    }

    int managementPort() {
        return management.port();
    }

    @Override
    public void close() {
        management.close();
        propagation.close();
        changes.close();
        views.close();
        db.close();
    }
}
