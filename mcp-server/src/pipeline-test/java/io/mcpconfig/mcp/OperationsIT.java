package io.mcpconfig.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.admin.db.DemoData;
import io.mcpconfig.admin.db.Migrations;
import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.management.ManagementServer;
import io.mcpconfig.materializer.ConfigMaterializer;
import io.mcpconfig.materializer.MaterializerConfig;
import io.mcpconfig.mcp.internal.CacheHealth;
import io.mcpconfig.publisher.CdcPublisher;
import io.mcpconfig.publisher.PublisherConfig;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.PostgresServer;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three services' management ports as an operator sees them, on the real pipeline: each one's
 * {@code /health/ready} turns 200 with a reason, its {@code /metrics} has the meters the README
 * documents, and they move when a change flows from PostgreSQL to an MCP client. Each service gets
 * its own registry and port, as it would in its own process.
 */
class OperationsIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path stateDir;

    @Test
    void health_and_metrics_of_every_service_are_served_and_move_with_a_change() throws Exception {
        PostgresServer pg = TestServers.postgres();
        KafkaBroker kafka = TestServers.kafka();
        String db = TestNames.unique("ops");
        String url = pg.createDatabase(db);
        Migrations.apply(url, pg.user(), pg.password());
        try (Connection c = pg.connect(db)) {
            DemoData.load(c);
        }
        Topics topics = Topics.withPrefix(TestNames.unique("ops"), 2);
        PublisherConfig publisherConfig = PublisherConfig.of(url, pg.user(), pg.password(), kafka.bootstrapServers(),
                topics, TestNames.unique("ops_slot")).withDebeziumOverrides(Map.of("slot.drop.on.stop", "true"));
        PrometheusMeterRegistry publisherMeters = ManagementServer.newRegistry();
        PrometheusMeterRegistry materializerMeters = ManagementServer.newRegistry();
        PrometheusMeterRegistry mcpMeters = ManagementServer.newRegistry();
        try (CdcPublisher publisher = CdcPublisher.start(publisherConfig, publisherMeters);
             ManagementServer publisherPort = ManagementServer.start(0, publisherMeters, publisher::health);
             ConfigMaterializer materializer = ConfigMaterializer.start(
                     MaterializerConfig.of(kafka.bootstrapServers(), topics, stateDir), materializerMeters);
             ManagementServer materializerPort = ManagementServer.start(0, materializerMeters, materializer::health);
             ConfigCache cache = ConfigCache.builder().bootstrapServers(kafka.bootstrapServers()).topics(topics)
                     .meterRegistry(mcpMeters).build();
             McpConfigServer server = McpConfigServer.start(McpServerConfig.withSecret(0, Fixtures.SECRET),
                     ConfigCacheSource.of(cache), mcpMeters);
             ManagementServer mcpPort = ManagementServer.start(0, mcpMeters, () -> CacheHealth.of(cache.status()))) {
            int p = publisherPort.port();
            int m = materializerPort.port();
            int s = mcpPort.port();

            for (int port : List.of(p, m, s)) {
                await().atMost(WAIT).until(() -> Scrape.get(port, "/health/ready").status() == 200);
                assertThat(Scrape.get(port, "/health/ready").body()).startsWith("{\"status\":\"READY\",\"reason\":\"");
                assertThat(Scrape.get(port, "/health/live").status()).isEqualTo(200);
            }
            assertThat(Scrape.get(p, "/health/ready").body()).contains("active: publishing slot");
            assertThat(Scrape.get(m, "/health/ready").body()).contains("materializer RUNNING");
            assertThat(Scrape.get(s, "/health/ready").body()).contains("client cache LIVE");
            await().atMost(WAIT).until(() -> cache.orgIds().containsAll(List.of("acme", "globex")));

            // Every documented meter is there before anything changes (counters at their snapshot values).
            String publisherText = Scrape.get(p, "/metrics").body();
            assertThat(Scrape.value(publisherText, "mcpconfig_publisher_active")).isEqualTo(1.0);
            for (String name : List.of("mcpconfig_publisher_events_total", "mcpconfig_publisher_transactions_total",
                    "mcpconfig_publisher_skipped_total", "mcpconfig_publisher_lag_milliseconds", "mcpconfig_publisher_last_commit_lsn")) {
                assertThat(Scrape.value(publisherText, name)).as(name).isNotNaN();
            }
            await().atMost(WAIT).until(() -> Scrape.value(p, "mcpconfig_publisher_slot_lag_bytes", Map.of()) >= 0);
            String materializerText = Scrape.get(m, "/metrics").body();
            for (String name : List.of("mcpconfig_materializer_transactions_applied_total",
                    "mcpconfig_materializer_duplicates_skipped_total", "mcpconfig_materializer_transactions_incomplete_total",
                    "mcpconfig_materializer_records_skipped_total", "mcpconfig_materializer_items_omitted_total",
                    "mcpconfig_materializer_views_emitted_total", "mcpconfig_materializer_lag_seconds_max",
                    "mcpconfig_materializer_lag_seconds_count")) {
                assertThat(Scrape.value(materializerText, name)).as(name).isNotNaN();
            }
            String mcpText = Scrape.get(s, "/metrics").body();
            for (String name : List.of("mcpconfig_cache_views", "mcpconfig_cache_staleness_seconds",
                    "mcpconfig_cache_updates_applied_total", "mcpconfig_cache_lag", "mcpconfig_mcp_sessions")) {
                assertThat(Scrape.value(mcpText, name)).as(name).isNotNaN();
            }
            assertThat(Scrape.value(mcpText, "mcpconfig_cache_views")).isGreaterThanOrEqualTo(3); // acme, globex, _defaults

            double events = Scrape.value(p, "mcpconfig_publisher_events_total", Map.of("op", "UPDATE"));
            double published = Scrape.value(p, "mcpconfig_publisher_transactions_total", Map.of());
            double applied = Scrape.value(m, "mcpconfig_materializer_transactions_applied_total", Map.of());
            double lagSamples = Scrape.value(m, "mcpconfig_materializer_lag_seconds_count", Map.of());
            double updates = Scrape.value(s, "mcpconfig_cache_updates_applied_total", Map.of());

            try (RecordingClient acme = new RecordingClient(server, Fixtures.token("acme"))) {
                assertThat(Scrape.value(s, "mcpconfig_mcp_requests_total", Map.of("method", "initialize", "outcome", "ok")))
                        .isEqualTo(1.0);
                assertThat(Scrape.value(s, "mcpconfig_mcp_sessions", Map.of())).isEqualTo(1.0);
                assertThat(Scrape.value(s, "mcpconfig_mcp_streams", Map.of())).as("its notification stream").isEqualTo(1.0);

                sql(pg, db, "UPDATE organization_prompt SET template = 'Ops v2 {{code}}' WHERE org_id = 'acme' AND name = 'code_review'");
                await().atMost(WAIT).until(() -> acme.promptLists.size() == 1);
                assertThat(acme.render("code_review", Map.of("code", "x"))).isEqualTo("Ops v2 x");

                // The change moved every stage's meters.
                assertThat(Scrape.value(p, "mcpconfig_publisher_events_total", Map.of("op", "UPDATE"))).isGreaterThan(events);
                assertThat(Scrape.value(p, "mcpconfig_publisher_transactions_total", Map.of())).isGreaterThan(published);
                assertThat(Scrape.value(m, "mcpconfig_materializer_transactions_applied_total", Map.of())).isGreaterThan(applied);
                assertThat(Scrape.value(m, "mcpconfig_materializer_lag_seconds_count", Map.of())).isGreaterThan(lagSamples);
                assertThat(Scrape.value(s, "mcpconfig_cache_updates_applied_total", Map.of())).isGreaterThan(updates);
                assertThat(Scrape.value(s, "mcpconfig_cache_staleness_seconds", Map.of())).isGreaterThanOrEqualTo(0);

                // MCP requests by method and outcome: a render, a refused one, an unknown prompt.
                assertThat(Scrape.value(s, "mcpconfig_mcp_requests_total", Map.of("method", "prompts/get", "outcome", "ok")))
                        .isGreaterThanOrEqualTo(1.0);
                assertThat(Scrape.value(s, "mcpconfig_mcp_requests_total", Map.of("method", "prompts/list", "outcome", "ok")))
                        .isGreaterThanOrEqualTo(1.0);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> acme.client.getPrompt(
                        new McpSchema.GetPromptRequest("no_such_prompt", Map.of()))).isInstanceOf(io.modelcontextprotocol.spec.McpError.class);
                await().atMost(WAIT).until(() -> Scrape.value(s, "mcpconfig_mcp_requests_total",
                        Map.of("method", "prompts/get", "outcome", "error")) == 1.0);
                assertThat(new RecordingClientProbe(server.endpoint()).postWithoutToken()).isEqualTo(401);
                assertThat(Scrape.value(s, "mcpconfig_mcp_requests_total", Map.of("method", "unread", "outcome", "rejected")))
                        .isEqualTo(1.0);
            }
            await().atMost(WAIT).until(() -> Scrape.value(s, "mcpconfig_mcp_sessions", Map.of()) == 0.0
                    && Scrape.value(s, "mcpconfig_mcp_streams", Map.of()) == 0.0);

            // A stopped materializer is down: its probes say so, and why.
            materializer.close();
            Scrape.Answer down = Scrape.get(m, "/health/live");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"", "NOT_RUNNING");
            assertThat(Scrape.get(m, "/health/ready").status()).isEqualTo(503);
        }
    }

    private static void sql(PostgresServer pg, String db, String statement) throws Exception {
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate(statement)).isEqualTo(1);
        }
    }

    /** A raw HTTP client of the MCP endpoint, for requests the SDK client would never send. */
    private record RecordingClientProbe(java.net.URI endpoint) {
        int postWithoutToken() throws Exception {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
