package io.mcpconfig.mcp;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.ConfigCacheBuilder;
import io.mcpconfig.management.ManagementConfig;
import io.mcpconfig.management.ManagementServer;
import io.mcpconfig.mcp.internal.CacheHealth;
import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Settings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar mcp-server.jar} serves every org over Streamable HTTP (org from the bearer
 * token); {@code java -jar mcp-server.jar --stdio --org <id>} serves one org over stdin/stdout.
 * Only wires, starts, adds a shutdown hook and closes; a bad setting prints one line and exits 2.
 * Serves {@code /health/*} and {@code /metrics} on {@code MCPCONFIG_MANAGEMENT_PORT} (9403; in stdio
 * mode only when that variable is set).
 */
public final class McpServerMain {
    private static final Logger LOG = LoggerFactory.getLogger(McpServerMain.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private McpServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        McpServiceConfig config;
        int managementPort;
        try {
            Settings settings = Settings.fromEnvironment();
            config = McpServiceConfig.from(settings, List.of(args));
            // Stdio servers are started per client by the client: a fixed default port would collide.
            boolean serve = config.stdioOrg() == null || settings.optional(ManagementConfig.PORT).isPresent();
            managementPort = serve ? ManagementConfig.fromSettings(settings, ManagementConfig.MCP_SERVER_DEFAULT_PORT).port() : -1;
        } catch (BadSettingException e) {
            System.err.println("mcp-server: bad setting " + e.getMessage());
            System.exit(2);
            return;
        }
        PrometheusMeterRegistry registry = ManagementServer.newRegistry();
        ConfigCacheBuilder builder = ConfigCache.builder().kafka(config.kafka()).meterRegistry(registry);
        if (config.stdioOrg() != null) {
            builder.orgFilter(List.of(config.stdioOrg()));
        }
        ConfigCache cache = builder.build();
        ManagementServer management = null;
        if (managementPort >= 0) {
            try {
                management = ManagementServer.start(managementPort, registry, () -> CacheHealth.of(cache.status()));
            } catch (BadSettingException e) {
                cache.close();
                System.err.println("mcp-server: bad setting " + e.getMessage());
                System.exit(2);
                return;
            }
        }
        ManagementServer endpoints = management;
        try {
            if (!cache.awaitReady(READY_TIMEOUT)) {
                LOG.warn("views not read within {} ({}): serving what is known and catching up", READY_TIMEOUT, cache.status());
            }
        } catch (IllegalStateException misconfigured) { // the views topic would lose views, or Kafka refused us
            System.err.println("mcp-server: bad setting " + misconfigured.getMessage());
            cache.close();
            if (endpoints != null) {
                endpoints.close();
            }
            System.exit(2);
            return;
        }
        if (endpoints != null) {
            LOG.info(endpoints.describe());
        }
        OrgConfigSource source = ConfigCacheSource.of(cache);
        AutoCloseable server = config.stdioOrg() != null
                ? McpStdioServer.start(config.stdioOrg(), source)
                : McpConfigServer.start(config.http(), source, registry);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("error while stopping: {}", e.toString());
            }
            cache.close();
            if (endpoints != null) {
                endpoints.close();
            }
            stopped.countDown();
        }, "mcp-server-shutdown"));
        stopped.await();
    }
}
