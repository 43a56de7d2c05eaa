package io.mcpconfig.mcp.internal;

import io.mcpconfig.mcp.OrgConfigSource;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One organization served over stdin/stdout (the org is trusted: whoever starts the process chose it). */
public final class StdioEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StdioEndpoint.class);

    private final OrgEndpoint endpoint;
    private final AutoCloseable subscription;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mcp-stdio-refresh");
        t.setDaemon(true);
        return t;
    });

    public StdioEndpoint(String orgId, OrgConfigSource source, InputStream in, OutputStream out) {
        StdioServerTransportProvider stdio = new StdioServerTransportProvider(McpJsonDefaults.getMapper(), in, out);
        NotificationGate gate = new NotificationGate(stdio::notifyClients);
        McpServer.SyncSpecification<?> spec = McpServer.sync(GatedTransports.session(stdio, gate));
        // Subscribed before the view is read, so no change falls between the two; a change queued
        // from before the read is recognized by its older revision and skipped.
        java.util.concurrent.CompletableFuture<OrgEndpoint> built = new java.util.concurrent.CompletableFuture<>();
        subscription = source.subscribe(change -> refresher.execute(() -> {
            OrgEndpoint e = built.join();
            if (e.concerns(change)) {
                e.applyOrKeepLast(change);
            }
        }));
        ServedView served = new ServedView(source.forOrg(orgId));
        // Over stdio the SDK's own list handlers serve (hash order) and there are no completions:
        // the session interception exists for the streamable HTTP transport only.
        endpoint = new OrgEndpoint(orgId, served.view(), served, gate, spec, false);
        built.complete(endpoint);
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("could not unsubscribe: {}", e.toString());
        }
        refresher.shutdownNow();
        endpoint.close();
    }
}
