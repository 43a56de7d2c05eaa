package io.mcpconfig.mcp;

import static io.mcpconfig.mcp.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.cache.CacheStatus;
import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.materializer.ConfigMaterializer;
import io.mcpconfig.materializer.MaterializerConfig;
import io.mcpconfig.publisher.CdcPublisher;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.topics.TopicSetup;
import io.mcpconfig.schemas.topics.TopicSpec;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the shared broker, which auto-creates topics as a stock one does: the MCP server (and its
 * cache) first, then the materializer, then the publisher. Every topic ends as designed, and a
 * change reaches an MCP client.
 */
class StartOrderIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path stateDir;

    @Test
    void mcpServerFirstThenMaterializerThenPublisher() throws Exception {
        KafkaBroker broker = TestServers.kafka();
        PipelineDb db = new PipelineDb("start_order");
        Topics topics = Topics.withPrefix(TestNames.unique("start_order"), 2);
        KafkaSettings kafka = KafkaSettings.of(broker.bootstrapServers(), topics);

        try (ConfigCache cache = ConfigCache.builder().kafka(kafka).build();
             McpConfigServer server = McpConfigServer.start(McpServerConfig.withSecret(0, Fixtures.SECRET), ConfigCacheSource.of(cache))) {
            await().atMost(WAIT).until(() -> cache.status() == CacheStatus.WAITING_FOR_TOPIC);
            assertThat(broker.admin().listTopics().names().get()).noneMatch(t -> t.startsWith(topics.prefix()));

            try (ConfigMaterializer materializer = ConfigMaterializer.start(MaterializerConfig.of(kafka, stateDir))) {
                assertThat(materializer.awaitRunning(WAIT)).isTrue();
                try (CdcPublisher publisher = CdcPublisher.start(db.publisher(kafka))) {
                    // The publisher's first start publishes the snapshot, the views follow.
                    await().atMost(WAIT).until(() -> cache.orgIds().containsAll(List.of("acme", "globex")));
                    assertThat(cache.status()).isEqualTo(CacheStatus.LIVE);

                    try (RecordingClient acme = new RecordingClient(server, token("acme"))) {
                        assertThat(acme.render("code_review", Map.of("code", "x"))).startsWith("You review code at Acme.");
                        db.sql("UPDATE organization_prompt SET template = 'Acme v2 reviews {{code}}'"
                                + " WHERE org_id = 'acme' AND name = 'code_review'");
                        await().atMost(WAIT).until(() -> acme.promptLists.size() == 1);
                        assertThat(acme.render("code_review", Map.of("code", "x"))).isEqualTo("Acme v2 reviews x");
                    }
                    assertThat(publisher.failure()).isEmpty();
                }
            }
        }
        for (TopicSpec<?, ?> spec : topics.owned()) {
            TopicSetup.Inspection inspection = TopicSetup.inspect(broker.admin(), spec, "kafka-configs.sh", WAIT);
            assertThat(inspection.exists()).as(spec.name()).isTrue();
            assertThat(inspection.problem()).as(spec.name()).isEmpty();
        }
    }
}
