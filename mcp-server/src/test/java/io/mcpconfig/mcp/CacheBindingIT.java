package io.mcpconfig.mcp;

import static io.mcpconfig.mcp.Fixtures.token;
import static io.mcpconfig.mcp.ViewsProducer.prompt;
import static io.mcpconfig.mcp.ViewsProducer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MCP server bound to the real client-cache, which reads OrgView records from a real broker:
 * what a view update on the topic does to each org's MCP sessions.
 */
class CacheBindingIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private BrokerBackedServer fixture;
    private ViewsProducer views;
    private McpConfigServer server;

    @BeforeEach
    void start() throws Exception {
        fixture = new BrokerBackedServer();
        views = fixture.views;
        server = fixture.server;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void a_view_update_reaches_only_that_orgs_sessions_and_the_new_template_is_served() throws Exception {
        try (RecordingClient acme = new RecordingClient(server, token("acme"));
             RecordingClient globex = new RecordingClient(server, token("globex"))) {
            assertThat(acme.promptNames()).containsExactlyInAnyOrder("review", "summarize"); // the SDK lists in hash order
            assertThat(globex.promptNames()).containsExactly("summarize");
            assertThat(acme.render("summarize", Map.of("text", "t"))).isEqualTo("ACME: t");
            assertThat(globex.render("summarize", Map.of("text", "t"))).isEqualTo("Summarize: t");
            acme.client.subscribeResource(new McpSchema.SubscribeRequest("docs://policy"));

            views.send("acme", 12, List.of(prompt("summarize", "ACME v2: {{text}}", "text"), prompt("review", "Review {{code}}", "code")),
                    List.of(resource("docs://policy", "acme policy v2")));
            await().atMost(WAIT).until(() -> acme.promptLists.size() == 1 && acme.updates.size() == 1);
            assertThat(acme.render("summarize", Map.of("text", "t"))).isEqualTo("ACME v2: t");
            assertThat(((McpSchema.TextResourceContents) acme.updates.get(0)).text()).isEqualTo("acme policy v2");

            // A later update of globex's own: once its notification is in, anything from acme's would be too.
            views.send("globex", 13, List.of(prompt("marker", "m", "x")), List.of());
            await().atMost(WAIT).until(() -> globex.promptLists.size() >= 1);
            assertThat(globex.promptLists).hasSize(1);
            assertThat(globex.promptLists.get(0)).extracting(McpSchema.Prompt::name).containsExactly("marker");
            assertThat(acme.promptLists).hasSize(1);
        }
    }
}
