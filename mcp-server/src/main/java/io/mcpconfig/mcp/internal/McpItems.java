package io.mcpconfig.mcp.internal;

import io.mcpconfig.mcp.OrgContent;
import io.mcpconfig.mcp.OrgContent.PromptItem;
import io.mcpconfig.mcp.OrgContent.ResourceItem;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Our items as the MCP schema spells them: list entries and request results. Stateless. */
final class McpItems {
    private McpItems() {}

    /** The prompts/list entry: what a client sees without asking for the template. */
    static McpSchema.Prompt listing(PromptItem p) {
        List<McpSchema.PromptArgument> arguments = p.arguments().stream()
                .map(a -> new McpSchema.PromptArgument(a.name(), null, a.description(), a.required()))
                .toList();
        return new McpSchema.Prompt(p.name(), p.title(), p.description(), arguments);
    }

    /** The resources/list entry. */
    static McpSchema.Resource listing(ResourceItem r) {
        return McpSchema.Resource.builder()
                .uri(r.uri()).name(r.name()).title(r.title()).description(r.description()).mimeType(r.mimeType())
                .build();
    }

    /**
     * prompts/get: a template prompt's rendered template as one user message, or a chat prompt's
     * messages ({@link ChatMessages}), whose embedded resources are read from the same content the
     * prompt came from: the org's own resources as of one view.
     */
    static McpSchema.GetPromptResult get(OrgContent content, McpSchema.GetPromptRequest request) {
        PromptItem prompt = content.prompt(request.name()).orElseThrow(() -> McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                .message("unknown prompt '" + request.name() + "'").build());
        Map<String, Object> arguments = request.arguments();
        if (!prompt.messages().isEmpty()) {
            return new McpSchema.GetPromptResult(prompt.description(), ChatMessages.of(prompt.name(), prompt.messages(),
                    template -> PromptRenderer.render(prompt, template, arguments),
                    uri -> content.resource(uri).map(r -> read(content, uri).contents().get(0)).orElse(null),
                    uri -> content.resource(uri).map(McpItems::link).orElse(null)));
        }
        String text = PromptRenderer.render(prompt, arguments);
        return new McpSchema.GetPromptResult(prompt.description(),
                List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
    }

    /** A resource_link content: the resource's listing, without its content. */
    static McpSchema.ResourceLink link(ResourceItem r) {
        return McpSchema.ResourceLink.builder()
                .uri(r.uri()).name(r.name()).title(r.title()).description(r.description()).mimeType(r.mimeType())
                .build();
    }

    /** resources/read: text as is, binary content base64-encoded (as MCP requires). */
    static McpSchema.ReadResourceResult read(OrgContent content, String uri) {
        ResourceItem r = content.resource(uri).orElseThrow(() -> McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                .message("unknown resource '" + uri + "'").data(Map.of("uri", uri)).build());
        McpSchema.ResourceContents contents = r.text() != null
                ? new McpSchema.TextResourceContents(r.uri(), r.mimeType(), r.text())
                : new McpSchema.BlobResourceContents(r.uri(), r.mimeType(), Base64.getEncoder().encodeToString(r.blob()));
        return new McpSchema.ReadResourceResult(List.of(contents));
    }
}
