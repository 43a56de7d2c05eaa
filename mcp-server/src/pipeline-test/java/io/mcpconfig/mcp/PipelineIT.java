package io.mcpconfig.mcp;

import static io.mcpconfig.mcp.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.materializer.ConfigMaterializer;
import io.mcpconfig.materializer.MaterializerConfig;
import io.mcpconfig.publisher.CdcPublisher;
import io.mcpconfig.publisher.PublisherConfig;
import io.mcpconfig.admin.db.DemoData;
import io.mcpconfig.admin.db.Migrations;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.PostgresServer;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole real pipeline in one JVM: PostgreSQL -> cdc-publisher -> changes -> config-materializer
 * -> views -> client-cache -> mcp-server -> MCP Java SDK clients of two demo orgs. Compiled and
 * run only when the publisher and materializer modules are in the tree (profile "pipeline").
 */
class PipelineIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    @Test
    void a_sql_update_of_an_override_reaches_only_that_orgs_sessions() throws Exception {
        PostgresServer pg = TestServers.postgres();
        KafkaBroker kafka = TestServers.kafka();
        String db = TestNames.unique("mcp_pipeline");
        String url = pg.createDatabase(db); // returns the new database's JDBC URL
        Migrations.apply(url, pg.user(), pg.password());
        try (Connection c = pg.connect(db)) {
            DemoData.load(c);
        }
        Topics topics = Topics.withPrefix(TestNames.unique("mcp_pipeline"), 2);
        PublisherConfig publisherConfig = PublisherConfig.of(url, pg.user(), pg.password(), kafka.bootstrapServers(),
                topics, TestNames.unique("mcp_slot")).withDebeziumOverrides(Map.of("slot.drop.on.stop", "true"));
        try (CdcPublisher publisher = CdcPublisher.start(publisherConfig);
             ConfigMaterializer materializer = ConfigMaterializer.start(MaterializerConfig.of(kafka.bootstrapServers(), topics, stateDir));
             ConfigCache cache = ConfigCache.builder().bootstrapServers(kafka.bootstrapServers()).topics(topics).build()) {
            await().atMost(WAIT).until(() -> cache.orgIds().containsAll(java.util.List.of("acme", "globex")));
            try (McpConfigServer server = McpConfigServer.start(McpServerConfig.withSecret(0, Fixtures.SECRET), ConfigCacheSource.of(cache));
                 RecordingClient acme = new RecordingClient(server, token("acme"));
                 RecordingClient globex = new RecordingClient(server, token("globex"))) {
                assertThat(acme.promptNames()).contains("code_review").doesNotContain("globex_onboarding");
                assertThat(globex.promptNames()).contains("globex_onboarding").doesNotContain("incident_postmortem");
                assertThat(acme.render("code_review", Map.of("code", "x"))).startsWith("You review code at Acme.");
                assertThat(globex.render("code_review", Map.of("code", "x"))).startsWith("You are a senior");
                assertThat(status(server.endpoint(), "Bearer " + token(Fixtures.SECRET.replace('t', 'T'), "org", "acme",
                        java.time.Instant.now().plusSeconds(60)))).isEqualTo(401);

                sql(pg, db, "UPDATE organization_prompt SET template = 'Acme v2 reviews {{code}}' WHERE org_id = 'acme' AND name = 'code_review'");
                await().atMost(WAIT).until(() -> acme.promptLists.size() == 1);
                assertThat(acme.render("code_review", Map.of("code", "x"))).isEqualTo("Acme v2 reviews x");

                // A later change of globex's own: once it is in, anything acme's change sent globex would be too.
                sql(pg, db, "INSERT INTO organization_prompt (org_id, name, template) VALUES ('globex', 'explain_error', 'Globex: {{error}}')");
                await().atMost(WAIT).until(() -> globex.promptLists.size() >= 1);
                assertThat(globex.promptLists).hasSize(1);
                assertThat(globex.render("explain_error", Map.of("error", "e"))).isEqualTo("Globex: e");
                assertThat(acme.promptLists).hasSize(1);
            }
        }
    }

    private static void sql(PostgresServer pg, String db, String statement) throws Exception {
        try (Connection c = pg.connect(db); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(statement)).isEqualTo(1);
        }
    }

    private static int status(URI endpoint, String authorization) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint).header("Authorization", authorization)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
