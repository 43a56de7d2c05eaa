package io.mcpconfig.console;

import io.mcpconfig.admin.ConfigAdmin;
import io.mcpconfig.admin.stream.ChangeLog;
import io.mcpconfig.cache.CacheStatus;
import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.ConfigCacheBuilder;
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
    private final ConfigCache views;
    private final ChangeLog changes;
    private final Propagation propagation;
    private final ControlPlane plane;
    private final ManagementServer management;

    private ConsoleServices(ConfigCache views, ChangeLog changes, Propagation propagation, ControlPlane plane,
                            ManagementServer management) {
        this.views = views;
        this.changes = changes;
        this.propagation = propagation;
        this.plane = plane;
        this.management = management;
    }

    static ConsoleServices connect(ConsoleConfig config) {
        ConfigAdmin admin = ConfigAdmin.connect(config.dbUrl(), config.dbUser(), config.dbPassword());
        ConfigCacheBuilder builder = ConfigCache.builder().bootstrapServers(config.kafka().bootstrap()).topics(config.kafka().topics());
        config.kafka().clientProperties().forEach(builder::consumerProperty);
        ConfigCache views = builder.build();
        ChangeLog changes = null;
        Propagation propagation = null;
        try {
            changes = ChangeLog.connect(config.kafka().common(), config.kafka().topics());
            propagation = new Propagation(views, revision -> new Propagation.Servers(0, -1));
            PrometheusMeterRegistry registry = ManagementServer.newRegistry();
            ManagementServer management = ManagementServer.start(config.managementPort(), registry, () ->
                    views.status() == CacheStatus.LIVE ? Health.ready("views live") : Health.notReady("views " + views.status()));
            return new ConsoleServices(views, changes, propagation, new ControlPlane(admin, changes, propagation), management);
        } catch (RuntimeException e) {
            if (propagation != null) {
                propagation.close();
            }
            if (changes != null) {
                changes.close();
            }
            views.close();
            throw e;
        }
    }

    void mount(ServletContextHandler context, Html html) {
        context.addServlet(new ServletHolder(new ApiServlet(plane, this::status)), "/api/*");
        ServletHolder pages = new ServletHolder(new PagesServlet(plane, html, this::status));
        pages.getRegistration().setMultipartConfig(new MultipartConfigElement("", 8 << 20, 8 << 20, 1 << 20));
        context.addServlet(pages, "/");
        context.addServlet(new ServletHolder(new EventsServlet(propagation, html)), "/events/*");
    }

    /** What the status page and {@code GET /api/status} show. */
    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("viewsStatus", views.status().name());
        status.put("viewsHeld", views.orgIds().size() + 1);
        long newest = views.forOrg(io.mcpconfig.schemas.Scopes.DEFAULTS).revision();
        for (String org : views.orgIds()) {
            newest = Math.max(newest, views.forOrg(org).revision());
        }
        status.put("newestRevision", newest);
        status.put("servers", List.of());
        status.put("noServers", true);
        return status;
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
    }
}
