package io.mcpconfig.console;

import io.mcpconfig.admin.db.DemoData;
import io.mcpconfig.admin.db.Migrations;
import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.materializer.ConfigMaterializer;
import io.mcpconfig.materializer.MaterializerConfig;
import io.mcpconfig.mcp.ConfigCacheSource;
import io.mcpconfig.mcp.McpConfigServer;
import io.mcpconfig.mcp.McpServerConfig;
import io.mcpconfig.publisher.CdcPublisher;
import io.mcpconfig.publisher.PublisherConfig;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.PostgresServer;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The real pipeline for the console's tests, assembled from its parts (quickstart depends on this
 * module, so its LocalStack can't be used here): the demo data in a fresh database of testkit's
 * PostgreSQL, the publisher, the materializer, an MCP server on its own client-cache, a test
 * OpenID issuer, and the console itself, all on unique names.
 */
final class ConsoleFixture implements AutoCloseable {
    static final String MCP_SECRET = "console-tests-mcp-secret-0123456789abcdef";

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    final PostgresServer postgres = TestServers.postgres();
    final KafkaBroker kafka = TestServers.kafka();
    final String database = TestNames.unique("console");
    final String jdbcUrl;
    final Topics topics = Topics.withPrefix(TestNames.unique("console"), 2);
    final String slot = TestNames.unique("console_slot");
    final TestIssuer issuer;
    final ConfigCache mcpCache;
    final McpConfigServer mcpServer;
    final AdminConsole console;

    ConsoleFixture() throws Exception {
        try {
            jdbcUrl = postgres.createDatabase(database);
            Migrations.apply(jdbcUrl, postgres.user(), postgres.password());
            try (Connection c = postgres.connect(database)) {
                DemoData.load(c);
            }
            Path state = Files.createTempDirectory(Path.of("target"), "console-state");
            remember(CdcPublisher.start(PublisherConfig.of(jdbcUrl, postgres.user(), postgres.password(), kafka.bootstrapServers(),
                    topics, slot).withDebeziumOverrides(Map.of("slot.drop.on.stop", "true"))));
            remember(ConfigMaterializer.start(MaterializerConfig.of(kafka.bootstrapServers(), topics, state.resolve("streams"))));
            mcpCache = remember(ConfigCache.builder().bootstrapServers(kafka.bootstrapServers()).topics(topics).build());
            if (!mcpCache.awaitReady(Duration.ofMinutes(2))) {
                throw new IllegalStateException("the MCP server's cache did not become ready");
            }
            mcpServer = remember(McpConfigServer.start(McpServerConfig.withSecret(0, MCP_SECRET), ConfigCacheSource.of(mcpCache)));
            issuer = remember(new TestIssuer());
            console = remember(AdminConsole.start(config(0)));
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    ConsoleConfig config(int port) {
        return new ConsoleConfig("127.0.0.1", port, URI.create("http://127.0.0.1:" + port), jdbcUrl, postgres.user(), postgres.password(),
                KafkaSettings.of(kafka.bootstrapServers(), topics), slot, 0, null, issuer.issuer(), TestIssuer.CLIENT_ID, null,
                "mcpconfig_role", "mcpconfig_orgs", false);
    }

    /** The console's base URL without the trailing slash, e.g. http://127.0.0.1:40123. */
    String base() {
        String url = console.url().toString();
        return url.substring(0, url.length() - 1);
    }

    private <T extends AutoCloseable> T remember(T resource) {
        toClose.push(resource);
        return resource;
    }

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
