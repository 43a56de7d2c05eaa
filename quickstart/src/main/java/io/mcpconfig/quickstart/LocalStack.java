package io.mcpconfig.quickstart;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.materializer.ConfigMaterializer;
import io.mcpconfig.mcp.ConfigCacheSource;
import io.mcpconfig.mcp.McpConfigServer;
import io.mcpconfig.mcp.McpServerConfig;
import io.mcpconfig.materializer.MaterializerConfig;
import io.mcpconfig.publisher.CdcPublisher;
import io.mcpconfig.publisher.PublisherConfig;
import io.mcpconfig.admin.db.DemoData;
import io.mcpconfig.admin.db.Migrations;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.PostgresServer;
import io.mcpconfig.testkit.TempDirs;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;

/**
 * The whole pipeline in one JVM: a real PostgreSQL and a real Kafka broker (from {@code testkit}),
 * the publisher, the materializer and a client cache, wired as in production. Used by the
 * quickstart, the end-to-end tests and the propagation benchmark. Not thread-safe to start or close;
 * the handles it returns are.
 */
public final class LocalStack implements AutoCloseable {
    public static final String DATABASE = "mcpconfig";
    public static final String SLOT = "mcpconfig";

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final String jdbcUrl;
    private final Topics topics;
    private final CdcPublisher publisher;
    private final ConfigMaterializer materializer;
    private final ConfigCache cache;
    private final String jwtSecret;
    private final McpConfigServer mcpServer;

    private LocalStack(Path workDir, Topics topics, boolean demoData, int mcpPort) throws Exception {
        this.topics = topics;
        try {
            remember(() -> TempDirs.deleteRecursively(workDir)); // closed last: after everything that writes there
            postgres = remember(PostgresServer.start());
            kafka = remember(KafkaBroker.start());
            jdbcUrl = postgres.createDatabase(DATABASE);
            Migrations.apply(jdbcUrl, postgres.user(), postgres.password());
            if (demoData) {
                try (Connection c = connect()) {
                    DemoData.load(c);
                }
            }
            publisher = remember(CdcPublisher.start(
                    PublisherConfig.of(jdbcUrl, postgres.user(), postgres.password(), kafka.bootstrapServers(), topics, SLOT)));
            materializer = remember(ConfigMaterializer.start(
                    MaterializerConfig.of(kafka.bootstrapServers(), topics, workDir.resolve("streams"))));
            cache = remember(ConfigCache.builder().bootstrapServers(kafka.bootstrapServers()).topics(topics)
                    .snapshot(workDir.resolve("views.snapshot")).build());
            if (!cache.awaitReady(Duration.ofMinutes(1))) {
                throw new IllegalStateException("the client cache did not become ready within a minute");
            }
            // A fresh secret per run: demo tokens printed for this run are only good for this run.
            byte[] secret = new byte[48];
            new SecureRandom().nextBytes(secret);
            jwtSecret = Base64.getEncoder().encodeToString(secret);
            mcpServer = mcpPort < 0 ? null
                    : remember(McpConfigServer.start(McpServerConfig.withSecret(mcpPort, jwtSecret), ConfigCacheSource.of(cache)));
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Starts everything; {@code workDir} holds the materializer's state and the cache snapshot, and is
     * deleted by {@link #close()} (a run leaves ~130 MB of RocksDB behind otherwise). Blocks
     * until the cache is ready. {@code mcpPort}: the MCP server's HTTP port, 0 for any free one, -1 for none.
     */
    public static LocalStack start(Path workDir, String topicPrefix, boolean demoData, int mcpPort) throws Exception {
        return new LocalStack(workDir, Topics.withPrefix(topicPrefix), demoData, mcpPort);
    }

    private <T extends AutoCloseable> T remember(T resource) {
        toClose.push(resource);
        return resource;
    }

    /** A new connection to the config database, as its superuser; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Topics topics() {
        return topics;
    }

    public CdcPublisher publisher() {
        return publisher;
    }

    public ConfigMaterializer materializer() {
        return materializer;
    }

    public ConfigCache cache() {
        return cache;
    }

    /** The MCP server on the cache, or null when started without one. */
    public McpConfigServer mcpServer() {
        return mcpServer;
    }

    /** The HMAC secret the MCP server verifies bearer tokens with (random per run). */
    public String jwtSecret() {
        return jwtSecret;
    }

    /** Closes everything in reverse start order; idempotent. */
    @Override
    public void close() {
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                System.err.println("closing: " + e);
            }
        }
    }
}
