package io.mcpconfig.mcp.internal;

import io.mcpconfig.mcp.OrgConfigSource;
import io.mcpconfig.schemas.Scopes;
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
        endpoint = new OrgEndpoint(orgId, source, gate, spec);
        subscription = source.subscribe(org -> {
            if (org.equals(orgId) || Scopes.isDefaults(org)) {
                refresher.execute(endpoint::refreshOrKeepLast);
            }
        });
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
