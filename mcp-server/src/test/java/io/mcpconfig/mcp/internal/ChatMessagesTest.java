package io.mcpconfig.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.cache.PromptMessage;
import io.mcpconfig.cache.PromptMessage.Kind;
import io.mcpconfig.cache.PromptMessage.Role;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A chat prompt's messages as MCP prompt messages: every kind, in order, with the resources the
 * caller serves. Independent of the read-side model: the caller hands in the renderer and the
 * lookups (McpItems wires them to the org's view; ChatPromptsIT covers that end to end).
 */
class ChatMessagesTest {
    private static final List<PromptMessage> DRAFT = List.of(
            new PromptMessage(Role.USER, Kind.TEXT, "Reply to: {{m}}", null),
            new PromptMessage(Role.USER, Kind.RESOURCE, null, "policy://support"),
            new PromptMessage(Role.ASSISTANT, Kind.TEXT, "Understood.", null),
            new PromptMessage(Role.USER, Kind.RESOURCE, null, "img://logo"),
            new PromptMessage(Role.ASSISTANT, Kind.RESOURCE_LINK, null, "policy://support"));
    private static final Map<String, McpSchema.ResourceContents> SERVED = Map.of(
            "policy://support", new McpSchema.TextResourceContents("policy://support", "text/markdown", "# Be kind"),
            "img://logo", new McpSchema.BlobResourceContents("img://logo", "image/png", "AQI="));
    private static final Function<String, McpSchema.ResourceLink> LINKS = uri -> SERVED.containsKey(uri)
            ? McpSchema.ResourceLink.builder().uri(uri).name("support").title("Support policy").mimeType("text/markdown").build()
            : null;

    @Test
    void everyMessageKeepsItsRoleItsOrderAndItsContentKind() {
        List<McpSchema.PromptMessage> m = ChatMessages.of("draft", DRAFT, t -> "rendered(" + t + ")", SERVED::get, LINKS);

        assertThat(m).extracting(McpSchema.PromptMessage::role).containsExactly(
                McpSchema.Role.USER, McpSchema.Role.USER, McpSchema.Role.ASSISTANT, McpSchema.Role.USER, McpSchema.Role.ASSISTANT);
        assertThat(((McpSchema.TextContent) m.get(0).content()).text()).isEqualTo("rendered(Reply to: {{m}})");
        assertThat(((McpSchema.EmbeddedResource) m.get(1).content()).resource()).isSameAs(SERVED.get("policy://support"));
        assertThat(((McpSchema.TextContent) m.get(2).content()).text()).isEqualTo("rendered(Understood.)");
        assertThat(((McpSchema.BlobResourceContents) ((McpSchema.EmbeddedResource) m.get(3).content()).resource()).blob()).isEqualTo("AQI=");
        McpSchema.ResourceLink link = (McpSchema.ResourceLink) m.get(4).content();
        assertThat(link.uri()).isEqualTo("policy://support");
        assertThat(link.title()).isEqualTo("Support policy");
    }

    @Test
    void eachGetReadsTheResourceAsServedNow() {
        Map<String, McpSchema.ResourceContents> acme = Map.of(
                "policy://support", new McpSchema.TextResourceContents("policy://support", "text/markdown", "# Acme: be very kind"),
                "img://logo", SERVED.get("img://logo"));
        List<McpSchema.PromptMessage> m = ChatMessages.of("draft", DRAFT, t -> t, acme::get, LINKS);
        assertThat(((McpSchema.TextResourceContents) ((McpSchema.EmbeddedResource) m.get(1).content()).resource()).text())
                .isEqualTo("# Acme: be very kind");
    }

    @Test
    void aRenderingErrorPropagatesAsIs() {
        McpError missing = McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("missing required argument 'm'").build();
        assertThatThrownBy(() -> ChatMessages.of("draft", DRAFT, t -> { throw missing; }, SERVED::get, LINKS)).isSameAs(missing);
    }

    @Test
    void aResourceTheOrgDoesNotServeIsAnInternalErrorNamingIt() {
        for (List<PromptMessage> messages : List.of(
                List.of(new PromptMessage(Role.USER, Kind.RESOURCE, null, "policy://gone")),
                List.of(new PromptMessage(Role.USER, Kind.RESOURCE_LINK, null, "policy://gone")))) {
            assertThatThrownBy(() -> ChatMessages.of("draft", messages, t -> t, SERVED::get, LINKS))
                    .isInstanceOfSatisfying(McpError.class, e -> {
                        assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INTERNAL_ERROR);
                        assertThat(e.getMessage()).contains("prompt 'draft'").contains("'policy://gone'");
                    });
        }
    }
}
