package io.mcpconfig.mcp;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.ConfigCacheBuilder;
import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar mcp-server.jar} serves every org over Streamable HTTP (org from the bearer
 * token); {@code java -jar mcp-server.jar --stdio --org <id>} serves one org over stdin/stdout.
 * Only wires, starts, adds a shutdown hook and closes; a bad setting prints one line and exits 2.
 */
public final class McpServerMain {
    private static final Logger LOG = LoggerFactory.getLogger(McpServerMain.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private McpServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        McpServiceConfig config;
        try {
            config = McpServiceConfig.from(Settings.fromEnvironment(), List.of(args));
        } catch (BadSettingException e) {
            System.err.println("mcp-server: bad setting " + e.getMessage());
            System.exit(2);
            return;
        }
        ConfigCacheBuilder builder = ConfigCache.builder().kafka(config.kafka());
        if (config.stdioOrg() != null) {
            builder.orgFilter(List.of(config.stdioOrg()));
        }
        ConfigCache cache = builder.build();
        try {
            if (!cache.awaitReady(READY_TIMEOUT)) {
                LOG.warn("views not read within {} ({}): serving what is known and catching up", READY_TIMEOUT, cache.status());
            }
        } catch (IllegalStateException misconfigured) { // the views topic would lose views, or Kafka refused us
            System.err.println("mcp-server: bad setting " + misconfigured.getMessage());
            cache.close();
            System.exit(2);
            return;
        }
        OrgConfigSource source = ConfigCacheSource.of(cache);
        AutoCloseable server = config.stdioOrg() != null
                ? McpStdioServer.start(config.stdioOrg(), source)
                : McpConfigServer.start(config.http(), source);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("error while stopping: {}", e.toString());
            }
            cache.close();
            stopped.countDown();
        }, "mcp-server-shutdown"));
        stopped.await();
    }
}
