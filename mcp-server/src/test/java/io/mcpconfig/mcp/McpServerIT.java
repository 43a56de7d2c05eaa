package io.mcpconfig.mcp;

import static io.mcpconfig.mcp.Fixtures.blob;
import static io.mcpconfig.mcp.Fixtures.prompt;
import static io.mcpconfig.mcp.Fixtures.text;
import static io.mcpconfig.mcp.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.cache.PromptArgument;
import io.mcpconfig.schemas.Scopes;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MCP layer over real HTTP with the MCP Java SDK client, fed by an in-memory source. */
class McpServerIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final InMemorySource source = new InMemorySource();
    private McpConfigServer server;

    @BeforeEach
    void start() {
        source.put(Fixtures.view(Scopes.DEFAULTS, 1,
                List.of(prompt("summarize", "Summarize: {{text}}", new PromptArgument("text", "the text", true))),
                List.of(text("docs://policy", "default policy"))));
        source.put(Fixtures.view("acme", 2,
                List.of(prompt("review", "Review this {{language}} code:\n{{code}}\n{{#focus}}Focus: {{focus}}{{/focus}}",
                                new PromptArgument("code", null, true), new PromptArgument("language", null, false),
                                new PromptArgument("focus", null, false)),
                        prompt("summarize", "ACME summary: {{text}}", new PromptArgument("text", null, true))),
                List.of(text("docs://policy", "acme policy"), blob("bin://logo", new byte[] {0, 1, 2, (byte) 255}))));
        source.put(Fixtures.inactive("sleepy", 3));
        server = McpConfigServer.start(McpServerConfig.withSecret(0, Fixtures.SECRET), source);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void each_org_sees_its_own_lists_and_an_org_without_a_view_the_defaults() {
        try (RecordingClient acme = new RecordingClient(server, token("acme"));
             RecordingClient globex = new RecordingClient(server, token("globex"));
             RecordingClient sleepy = new RecordingClient(server, token("sleepy"))) {
            assertThat(acme.promptNames()).containsExactlyInAnyOrder("review", "summarize");
            assertThat(acme.resourceUris()).containsExactlyInAnyOrder("docs://policy", "bin://logo");
            assertThat(acme.render("summarize", Map.of("text", "x"))).isEqualTo("ACME summary: x");

            assertThat(globex.promptNames()).containsExactly("summarize");
            assertThat(globex.render("summarize", Map.of("text", "x"))).isEqualTo("Summarize: x");
            assertThat(read(globex, "docs://policy")).isEqualTo("default policy");
            assertThat(read(acme, "docs://policy")).isEqualTo("acme policy");

            assertThat(sleepy.promptNames()).isEmpty();
            assertThat(sleepy.resourceUris()).isEmpty();
        }
    }

    @Test
    void prompts_render_without_html_escaping_and_missing_optionals_render_empty() {
        try (RecordingClient acme = new RecordingClient(server, token("acme"))) {
            assertThat(acme.render("review", Map.of("code", "if (a < b && c) {}", "language", "C++")))
                    .isEqualTo("Review this C++ code:\nif (a < b && c) {}\n");
            assertThat(acme.render("review", Map.of("code", "x", "focus", "<locks>")))
                    .isEqualTo("Review this  code:\nx\nFocus: <locks>");
            McpSchema.Prompt listed = acme.client.listPrompts().prompts().stream()
                    .filter(p -> p.name().equals("review")).findFirst().orElseThrow();
            assertThat(listed.arguments()).extracting(McpSchema.PromptArgument::name, McpSchema.PromptArgument::required)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("code", true),
                            org.assertj.core.groups.Tuple.tuple("language", false),
                            org.assertj.core.groups.Tuple.tuple("focus", false));
        }
    }

    @Test
    void missing_required_argument_and_unknown_prompt_are_invalid_params() {
        try (RecordingClient acme = new RecordingClient(server, token("acme"))) {
            assertThatThrownBy(() -> acme.render("review", Map.of("language", "Go")))
                    .isInstanceOfSatisfying(McpError.class, e -> {
                        assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
                        assertThat(e.getMessage()).contains("code");
                    });
            assertThatThrownBy(() -> acme.render("nope", Map.of()))
                    .isInstanceOfSatisfying(McpError.class,
                            e -> assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS));
            assertThatThrownBy(() -> acme.client.readResource(new McpSchema.ReadResourceRequest("docs://nope")))
                    .isInstanceOf(McpError.class);
        }
    }

    @Test
    void blob_resources_are_served_base64() {
        try (RecordingClient acme = new RecordingClient(server, token("acme"))) {
            McpSchema.ResourceContents contents = acme.client.readResource(new McpSchema.ReadResourceRequest("bin://logo")).contents().get(0);
            assertThat(contents).isInstanceOf(McpSchema.BlobResourceContents.class);
            assertThat(Base64.getDecoder().decode(((McpSchema.BlobResourceContents) contents).blob()))
                    .containsExactly(0, 1, 2, 255);
            assertThat(contents.mimeType()).isEqualTo("application/octet-stream");
        }
    }

    @Test
    void a_bulk_view_update_notifies_only_that_org_and_only_once() {
        try (RecordingClient acme = new RecordingClient(server, token("acme"));
             RecordingClient globex = new RecordingClient(server, token("globex"))) {
            assertThat(acme.promptNames()).hasSize(2);
            assertThat(globex.promptNames()).hasSize(1);

            // One view update that changes a template, removes a prompt, adds two and adds a resource.
            source.put(Fixtures.view("acme", 4,
                    List.of(prompt("review", "NEW review of {{code}}", new PromptArgument("code", null, true)),
                            prompt("a1", "one"), prompt("a2", "two")),
                    List.of(text("docs://policy", "acme policy"), blob("bin://logo", new byte[] {1}), text("docs://new", "n"))));
            await().atMost(WAIT).until(() -> !acme.promptLists.isEmpty() && !acme.resourceLists.isEmpty());
            assertThat(acme.promptNames()).containsExactlyInAnyOrder("review", "a1", "a2");
            assertThat(acme.render("review", Map.of("code", "x"))).isEqualTo("NEW review of x");

            // A later marker update to each org: the SSE stream is ordered, so once the marker's
            // notification arrived every earlier one has too, and the counts are final.
            source.put(Fixtures.view("acme", 5, List.of(prompt("marker", "m")),
                    List.of(text("docs://policy", "acme policy"), blob("bin://logo", new byte[] {1}), text("docs://new", "n"))));
            source.put(Fixtures.view("globex", 6, List.of(prompt("marker", "m")), List.of()));
            await().atMost(WAIT).until(() -> lastNames(acme.promptLists).contains("marker")
                    && lastNames(globex.promptLists).contains("marker"));
            assertThat(acme.promptLists).as("one prompts/list_changed per view update").hasSize(2);
            assertThat(acme.resourceLists).as("the marker left acme's resource list as it was").hasSize(1);
            assertThat(globex.promptLists).as("globex heard nothing of acme's update").hasSize(1);
        }
    }

    @Test
    void a_change_of_the_defaults_reaches_orgs_without_a_view_only() {
        try (RecordingClient acme = new RecordingClient(server, token("acme"));
             RecordingClient globex = new RecordingClient(server, token("globex"))) {
            source.put(Fixtures.view(Scopes.DEFAULTS, 7,
                    List.of(prompt("summarize", "Short: {{text}}", new PromptArgument("text", null, true))), List.of(text("docs://policy", "default policy"))));
            await().atMost(WAIT).until(() -> globex.promptLists.size() == 1);
            assertThat(globex.render("summarize", Map.of("text", "t"))).isEqualTo("Short: t");
            source.put(Fixtures.view("acme", 8, List.of(prompt("marker", "m")), List.of()));
            await().atMost(WAIT).until(() -> lastNames(acme.promptLists).contains("marker"));
            assertThat(acme.promptLists).hasSize(1);
        }
    }

    @Test
    void subscribers_of_a_resource_hear_its_content_change() {
        try (RecordingClient acme = new RecordingClient(server, token("acme"));
             RecordingClient globex = new RecordingClient(server, token("globex"))) {
            acme.client.subscribeResource(new McpSchema.SubscribeRequest("docs://policy"));
            globex.client.subscribeResource(new McpSchema.SubscribeRequest("docs://policy"));
            source.put(Fixtures.view("acme", 9, List.of(),
                    List.of(text("docs://policy", "acme policy v2"), blob("bin://logo", new byte[] {0, 1, 2, (byte) 255}))));
            await().atMost(WAIT).until(() -> !acme.updates.isEmpty());
            assertThat(((McpSchema.TextResourceContents) acme.updates.get(0)).text()).isEqualTo("acme policy v2");
            assertThat(acme.resourceLists).as("a content change is not a list change").isEmpty();

            source.put(Fixtures.view(Scopes.DEFAULTS, 10, List.of(), List.of(text("docs://policy", "default v2"))));
            await().atMost(WAIT).until(() -> !globex.updates.isEmpty());
            assertThat(((McpSchema.TextResourceContents) globex.updates.get(0)).text()).isEqualTo("default v2");
            assertThat(acme.updates).as("acme has a view of its own: the defaults' change is not its change").hasSize(1);
        }
    }

    private static String read(RecordingClient client, String uri) {
        return ((McpSchema.TextResourceContents) client.client.readResource(new McpSchema.ReadResourceRequest(uri))
                .contents().get(0)).text();
    }

    private static List<String> lastNames(List<List<McpSchema.Prompt>> lists) {
        return lists.isEmpty() ? List.of() : lists.get(lists.size() - 1).stream().map(McpSchema.Prompt::name).toList();
    }
}
