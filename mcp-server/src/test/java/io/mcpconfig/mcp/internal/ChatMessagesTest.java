package io.mcpconfig.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.cache.PromptMessage;
import io.mcpconfig.cache.PromptMessage.Kind;
import io.mcpconfig.cache.PromptMessage.Role;
import io.mcpconfig.mcp.OrgContent;
import io.mcpconfig.mcp.OrgContent.Argument;
import io.mcpconfig.mcp.OrgContent.PromptItem;
import io.mcpconfig.mcp.OrgContent.ResourceItem;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** prompts/get of a chat prompt: every message kind, the org's resources, and what goes wrong. */
class ChatMessagesTest {
    private static final ResourceItem POLICY = new ResourceItem("policy://support", "support", "Support policy", "How we help",
            "text/markdown", "# Be kind", null, "h1");
    private static final ResourceItem LOGO = new ResourceItem("img://logo", "logo", null, null, "image/png", null, new byte[] {1, 2}, "h2");
    private static final PromptItem DRAFT = new PromptItem("draft", null, "Draft a reply", "",
            List.of(new Argument("m", null, true), new Argument("tone", null, false)),
            List.of(new PromptMessage(Role.USER, Kind.TEXT, "Reply to: {{m}}", null),
                    new PromptMessage(Role.USER, Kind.RESOURCE, null, "policy://support"),
                    new PromptMessage(Role.ASSISTANT, Kind.TEXT, "Understood{{#tone}}, {{tone}}{{/tone}}.", null),
                    new PromptMessage(Role.USER, Kind.RESOURCE, null, "img://logo"),
                    new PromptMessage(Role.ASSISTANT, Kind.RESOURCE_LINK, null, "policy://support")),
            "hd");
    private static final OrgContent CONTENT = new OrgContent("acme", 7, List.of(DRAFT), List.of(POLICY, LOGO));

    @Test
    void everyMessageKeepsItsRoleAndItsContentKind() {
        McpSchema.GetPromptResult result = McpItems.get(CONTENT, new McpSchema.GetPromptRequest("draft", Map.of("m", "<hi>", "tone", "warm")));

        assertThat(result.description()).isEqualTo("Draft a reply");
        List<McpSchema.PromptMessage> m = result.messages();
        assertThat(m).extracting(McpSchema.PromptMessage::role).containsExactly(
                McpSchema.Role.USER, McpSchema.Role.USER, McpSchema.Role.ASSISTANT, McpSchema.Role.USER, McpSchema.Role.ASSISTANT);
        assertThat(((McpSchema.TextContent) m.get(0).content()).text()).isEqualTo("Reply to: <hi>");
        McpSchema.TextResourceContents policy = (McpSchema.TextResourceContents) ((McpSchema.EmbeddedResource) m.get(1).content()).resource();
        assertThat(policy.uri()).isEqualTo("policy://support");
        assertThat(policy.mimeType()).isEqualTo("text/markdown");
        assertThat(policy.text()).isEqualTo("# Be kind");
        assertThat(((McpSchema.TextContent) m.get(2).content()).text()).isEqualTo("Understood, warm.");
        McpSchema.BlobResourceContents logo = (McpSchema.BlobResourceContents) ((McpSchema.EmbeddedResource) m.get(3).content()).resource();
        assertThat(logo.blob()).isEqualTo("AQI=");
        McpSchema.ResourceLink link = (McpSchema.ResourceLink) m.get(4).content();
        assertThat(link.uri()).isEqualTo("policy://support");
        assertThat(link.name()).isEqualTo("support");
        assertThat(link.title()).isEqualTo("Support policy");
        assertThat(link.description()).isEqualTo("How we help");
        assertThat(link.mimeType()).isEqualTo("text/markdown");
    }

    @Test
    void theEmbeddedContentIsTheServedResourceOfTheSameContent() {
        ResourceItem acmePolicy = new ResourceItem("policy://support", "support", null, null, "text/markdown", "# Acme: be very kind", null, "h3");
        OrgContent acme = new OrgContent("acme", 8, List.of(DRAFT), List.of(acmePolicy, LOGO));
        McpSchema.GetPromptResult result = McpItems.get(acme, new McpSchema.GetPromptRequest("draft", Map.of("m", "x")));
        assertThat(((McpSchema.TextResourceContents) ((McpSchema.EmbeddedResource) result.messages().get(1).content()).resource()).text())
                .isEqualTo("# Acme: be very kind");
        assertThat(((McpSchema.TextContent) result.messages().get(2).content()).text()).as("optional argument left out").isEqualTo("Understood.");
    }

    @Test
    void aMissingRequiredArgumentIsInvalidParams() {
        assertThatThrownBy(() -> McpItems.get(CONTENT, new McpSchema.GetPromptRequest("draft", Map.of())))
                .isInstanceOfSatisfying(McpError.class, e -> {
                    assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
                    assertThat(e.getMessage()).contains("'m'");
                });
    }

    @Test
    void aResourceTheContentLacksIsAnInternalErrorNamingIt() {
        OrgContent broken = new OrgContent("acme", 9, List.of(DRAFT), List.of(LOGO));
        assertThatThrownBy(() -> McpItems.get(broken, new McpSchema.GetPromptRequest("draft", Map.of("m", "x"))))
                .isInstanceOfSatisfying(McpError.class, e -> {
                    assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INTERNAL_ERROR);
                    assertThat(e.getMessage()).contains("'policy://support'");
                });
    }

    @Test
    void aTemplatePromptIsStillOneUserMessage() {
        PromptItem plain = new PromptItem("plain", null, null, "Hi {{m}}", List.of(new Argument("m", null, true)), "hp");
        McpSchema.GetPromptResult result = McpItems.get(new OrgContent("acme", 1, List.of(plain), List.of()),
                new McpSchema.GetPromptRequest("plain", Map.of("m", "you")));
        assertThat(result.messages()).singleElement().satisfies(m -> {
            assertThat(m.role()).isEqualTo(McpSchema.Role.USER);
            assertThat(((McpSchema.TextContent) m.content()).text()).isEqualTo("Hi you");
        });
    }
}
