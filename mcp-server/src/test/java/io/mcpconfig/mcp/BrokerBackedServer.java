package io.mcpconfig.mcp;

import static io.mcpconfig.mcp.ViewsProducer.prompt;
import static io.mcpconfig.mcp.ViewsProducer.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The MCP server over the real client-cache over the shared real broker, with views of its own
 * topic prefix: defaults (summarize, docs://policy) and org acme's (summarize overridden, review).
 */
final class BrokerBackedServer implements AutoCloseable {
    final ViewsProducer views;
    final ConfigCache cache;
    final McpConfigServer server;

    BrokerBackedServer() throws Exception {
        KafkaBroker kafka = TestServers.kafka();
        Topics topics = Topics.withPrefix(TestNames.unique("mcp"), 1);
        topics.ensureCreated(kafka.admin(), Optional.of((short) 1), 10_000);
        views = new ViewsProducer(kafka.bootstrapServers(), topics);
        views.send(Scopes.DEFAULTS, 10, List.of(prompt("summarize", "Summarize: {{text}}", "text")),
                List.of(resource("docs://policy", "default policy")));
        views.send("acme", 11, List.of(prompt("summarize", "ACME: {{text}}", "text"), prompt("review", "Review {{code}}", "code")),
                List.of(resource("docs://policy", "acme policy")));
        cache = ConfigCache.builder().bootstrapServers(kafka.bootstrapServers()).topics(topics).build();
        assertThat(cache.awaitReady(Duration.ofSeconds(15))).isTrue();
        server = McpConfigServer.start(McpServerConfig.withSecret(0, Fixtures.SECRET), ConfigCacheSource.of(cache));
    }

    @Override
    public void close() {
        server.close();
        cache.close();
        views.close();
    }
}
