package io.mcpconfig.mcp.internal;

import io.mcpconfig.mcp.OrgConfigSource;
import io.mcpconfig.schemas.Scopes;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import jakarta.servlet.http.HttpServlet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoints of every organization that has connected, created on its first request, kept
 * current from the source's change events. Refreshes run on one thread of their own: the source's
 * listener thread never waits on a client, and one org's updates are applied in order. Thread-safe.
 */
public final class OrgEndpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrgEndpoints.class);
    /** The path the SDK's servlet answers on; the router is mounted on it too. */
    public static final String MCP_PATH = "/mcp";

    private record Hosted(OrgEndpoint endpoint, HttpServlet servlet) {}

    private final OrgConfigSource source;
    private final ServerHttpHeaderValidator validator;
    private final ConcurrentHashMap<String, Hosted> hosted = new ConcurrentHashMap<>();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mcp-org-refresh");
        t.setDaemon(true);
        return t;
    });
    private final AutoCloseable subscription;

    public OrgEndpoints(OrgConfigSource source, ServerHttpHeaderValidator validator) {
        this.source = source;
        this.validator = validator;
        this.subscription = source.subscribe(org -> refresher.execute(() -> onChange(org)));
    }

    /** The servlet serving {@code orgId}'s sessions, created on first use. */
    public HttpServlet servletFor(String orgId) {
        Hosted existing = hosted.get(orgId);
        if (existing != null) {
            return existing.servlet();
        }
        Hosted created = hosted.computeIfAbsent(orgId, this::create);
        // A change that arrived while the endpoint was being built found no endpoint to refresh.
        refresher.execute(() -> created.endpoint().refreshOrKeepLast());
        return created.servlet();
    }

    private Hosted create(String orgId) {
        HttpServletStreamableServerTransportProvider provider = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(MCP_PATH)
                .httpHeaderValidator(validator)
                .build();
        NotificationGate gate = new NotificationGate(provider::notifyClients);
        McpServer.SyncSpecification<?> spec = McpServer.sync(GatedTransports.streamable(provider, gate));
        LOG.info("serving org {}", orgId);
        return new Hosted(new OrgEndpoint(orgId, source, gate, spec), provider);
    }

    private void onChange(String orgId) {
        if (Scopes.isDefaults(orgId)) {
            // Orgs without a view of their own serve the defaults; the diff leaves the others untouched.
            hosted.values().forEach(h -> h.endpoint().refreshOrKeepLast());
        } else {
            Hosted h = hosted.get(orgId);
            if (h != null) {
                h.endpoint().refreshOrKeepLast();
            }
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("could not unsubscribe from the config source: {}", e.toString());
        }
        refresher.shutdown();
        try {
            refresher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hosted.values().forEach(h -> h.endpoint().close());
        hosted.clear();
    }
}
