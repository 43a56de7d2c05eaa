package io.mcpconfig.mcp;

import io.mcpconfig.mcp.internal.McpMetrics;
import io.mcpconfig.mcp.internal.OrgEndpoints;
import io.mcpconfig.mcp.internal.RouterServlet;
import io.mcpconfig.mcp.internal.TokenVerifier;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running MCP Streamable HTTP endpoint ({@code /mcp}) that serves each organization, named by
 * the caller's bearer token, its own prompts and resources from an {@link OrgConfigSource}, and
 * pushes list_changed / resources/updated notifications to that organization's sessions when its
 * view changes. Usage:
 *
 * <pre>{@code
 * try (McpConfigServer server = McpConfigServer.start(McpServerConfig.fromSettings(settings),
 *                                                      ConfigCacheSource.of(cache))) {
 *     System.out.println("MCP endpoint: " + server.endpoint());
 * }
 * }</pre>
 *
 * Thread-safe. Closing stops HTTP and every session; it does not close the source.
 */
public final class McpConfigServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(McpConfigServer.class);

    private final Server jetty;
    private final OrgEndpoints endpoints;
    private final URI endpoint;
    private final McpMetrics metrics;

    private McpConfigServer(Server jetty, OrgEndpoints endpoints, URI endpoint, McpMetrics metrics) {
        this.jetty = jetty;
        this.endpoints = endpoints;
        this.endpoint = endpoint;
        this.metrics = metrics;
    }

    /**
     * Starts listening; returns once the port is bound.
     *
     * @throws IllegalStateException if the port can't be bound
     */
    public static McpConfigServer start(McpServerConfig config, OrgConfigSource source) {
        return start(config, source, new SimpleMeterRegistry());
    }

    /**
     * As {@link #start(McpServerConfig, OrgConfigSource)}, with the meters ({@code mcpconfig.mcp.requests}
     * by method and outcome, {@code mcpconfig.mcp.sessions}, {@code mcpconfig.mcp.streams}) in {@code registry}.
     */
    public static McpConfigServer start(McpServerConfig config, OrgConfigSource source, MeterRegistry registry) {
        DefaultServerTransportSecurityValidator hostAndOrigin = DefaultServerTransportSecurityValidator.builder()
                .allowedHosts(config.allowedHosts())
                .allowedOrigins(config.allowedOrigins())
                .build();
        OrgEndpoints endpoints = new OrgEndpoints(source, hostAndOrigin, config.orgIdleTimeout(), System::nanoTime);
        McpMetrics metrics = new McpMetrics(registry);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("mcp-http");
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(config.bindHost());
        connector.setPort(config.httpPort());
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder router = new ServletHolder(new RouterServlet(hostAndOrigin, TokenVerifier.of(config), endpoints,
                config.authorization(), metrics));
        router.setAsyncSupported(true); // the SDK servlet streams SSE with startAsync()
        context.addServlet(router, OrgEndpoints.MCP_PATH);
        RouterServlet.METADATA_PATHS.forEach(path -> context.addServlet(router, path));
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            endpoints.close();
            stopQuietly(jetty);
            throw new IllegalStateException("could not start the MCP HTTP endpoint on " + config.bindHost() + ":"
                    + config.httpPort() + ": " + e.getMessage(), e);
        }
        String host = "0.0.0.0".equals(config.bindHost()) ? "localhost" : config.bindHost();
        URI uri = URI.create("http://" + host + ":" + connector.getLocalPort() + OrgEndpoints.MCP_PATH);
        LOG.info("MCP endpoint listening on {} ({})", uri, config);
        return new McpConfigServer(jetty, endpoints, uri, metrics);
    }

    /** The URL clients connect to, e.g. {@code http://localhost:8080/mcp}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The bound port (the real one when the config asked for 0). */
    public int port() {
        return endpoint.getPort();
    }

    /** How many orgs have an endpoint (an SDK server with its sessions) right now. */
    int hostedOrgs() {
        return endpoints.size();
    }

    /** Notification streams opened since start: a client hears list changes only once its stream is open. */
    long streamsOpened() {
        return metrics.streamsOpened();
    }

    /** Stops HTTP and closes every session; idempotent, blocks up to a few seconds. */
    @Override
    public void close() {
        endpoints.close();
        stopQuietly(jetty);
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("could not stop the HTTP server cleanly: {}", e.toString());
        }
    }
}
