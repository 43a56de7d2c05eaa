package io.mcpconfig.mcp;

import static io.mcpconfig.mcp.Fixtures.argument;
import static io.mcpconfig.mcp.Fixtures.blob;
import static io.mcpconfig.mcp.Fixtures.prompt;
import static io.mcpconfig.mcp.Fixtures.text;
import static io.mcpconfig.mcp.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.schemas.Scopes;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Completions, sorted lists, resource metadata and idle eviction, with the MCP Java SDK client. */
class McpFeaturesIT {
    private final InMemorySource source = new InMemorySource();
    private McpConfigServer server;

    @BeforeEach
    void start() {
        // Many names, so hash order and sorted order surely differ.
        List<io.mcpconfig.cache.Prompt> prompts = new java.util.ArrayList<>(IntStream.range(0, 30)
                .mapToObj(i -> prompt("p" + (char) ('z' - i % 26) + i, "t" + i)).toList());
        prompts.add(prompt("reply", "Reply in a {{tone}} tone",
                argument("tone", "how it sounds", true, "friendly", "formal", "Frank", "apologetic"),
                argument("name", null, false)));
        prompts.add(prompt("many", "{{v}}", argument("v", null, false,
                IntStream.range(0, 150).mapToObj(i -> "v" + i).toArray(String[]::new))));
        source.put(Fixtures.view(Scopes.DEFAULTS, 1, prompts, List.of(
                text("docs://zeta", "zz"), text("docs://alpha", "héllo"), blob("bin://logo", new byte[] {1, 2, 3}),
                text("docs://mid", "m"))));
        server = McpConfigServer.start(McpServerConfig.withSecret(0, Fixtures.SECRET).withOrgIdleTimeout(Duration.ofMillis(300)), source);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void completion_returns_the_suggested_values_matching_the_typed_prefix() {
        try (RecordingClient acme = new RecordingClient(server, token("acme"))) {
            assertThat(complete(acme, "reply", "tone", "f").values()).containsExactly("friendly", "formal", "Frank");
            assertThat(complete(acme, "reply", "tone", "FO").values()).as("case-insensitive").containsExactly("formal");
            assertThat(complete(acme, "reply", "tone", "").values()).hasSize(4);
            assertThat(complete(acme, "reply", "tone", "x").values()).isEmpty();
            assertThat(complete(acme, "reply", "name", "").values()).as("no suggestions declared").isEmpty();
            McpSchema.CompleteResult.CompleteCompletion many = complete(acme, "many", "v", "v");
            assertThat(many.values()).as("at most 100").hasSize(100).startsWith("v0", "v1");
            assertThat(many.total()).isEqualTo(150);
            assertThat(many.hasMore()).isTrue();
            assertThatThrownBy(() -> complete(acme, "nope", "tone", "f")).hasMessageContaining("unknown prompt");
        }
    }

    @Test
    void lists_are_sorted_by_name_and_uri_and_resources_carry_size_and_last_modified() {
        try (RecordingClient acme = new RecordingClient(server, token("acme"))) {
            List<String> names = acme.promptNames();
            assertThat(names).hasSize(32).isSorted();
            assertThat(acme.resourceUris()).containsExactly("bin://logo", "docs://alpha", "docs://mid", "docs://zeta");
            Map<String, McpSchema.Resource> byUri = new java.util.HashMap<>();
            acme.client.listResources().resources().forEach(r -> byUri.put(r.uri(), r));
            assertThat(byUri.get("docs://alpha").size()).as("UTF-8 bytes").isEqualTo(6L);
            assertThat(byUri.get("bin://logo").size()).isEqualTo(3L);
            assertThat(byUri.get("docs://zeta").annotations().lastModified()).isEqualTo(Fixtures.UPDATED_AT.toString());
            assertThat(acme.client.getServerCapabilities().completions()).isNotNull();
        }
    }

    @Test
    void an_idle_org_is_evicted_and_its_client_works_again_with_a_new_session() {
        try (RecordingClient acme = new RecordingClient(server, token("acme"))) {
            assertThat(acme.promptNames()).contains("reply");
            assertThat(server.hostedOrgs()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> server.hostedOrgs() == 0);
        // The old session is gone with the endpoint; a client that initializes again is served as before.
        try (RecordingClient again = new RecordingClient(server, token("acme"))) {
            assertThat(again.promptNames()).contains("reply");
            assertThat(again.render("reply", Map.of("tone", "formal"))).isEqualTo("Reply in a formal tone");
        }
    }

    private static McpSchema.CompleteResult.CompleteCompletion complete(RecordingClient c, String prompt, String arg, String typed) {
        return c.client.completeCompletion(new McpSchema.CompleteRequest(new McpSchema.PromptReference(prompt),
                new McpSchema.CompleteRequest.CompleteArgument(arg, typed))).completion();
    }
}
