package io.mcpconfig.mcp.internal;

import io.mcpconfig.cache.PromptMessage;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A chat prompt's messages as MCP prompt messages: text rendered as a template, a resource
 * embedded with its content, or linked. Where the text is rendered and the resources are found is
 * the caller's (the one renderer, the org's view the prompt came from), so this holds only the
 * mapping. Stateless.
 */
final class ChatMessages {
    private ChatMessages() {}

    /**
     * @param render   renders one text message's template with the request's arguments
     * @param contents the content of the org's resource of a URI, null when the org does not serve it
     * @param link     the link to the org's resource of a URI, null when the org does not serve it
     * @throws McpError internal-error when a named resource is not served: the merge rule never serves
     *     such a prompt, so this means a view not made by the materializer
     */
    static List<McpSchema.PromptMessage> of(String promptName, List<PromptMessage> messages, UnaryOperator<String> render,
            Function<String, McpSchema.ResourceContents> contents, Function<String, McpSchema.ResourceLink> link) {
        List<McpSchema.PromptMessage> out = new ArrayList<>(messages.size());
        for (PromptMessage m : messages) {
            McpSchema.Role role = m.role() == PromptMessage.Role.USER ? McpSchema.Role.USER : McpSchema.Role.ASSISTANT;
            McpSchema.Content content = switch (m.kind()) {
                case TEXT -> new McpSchema.TextContent(render.apply(m.text()));
                case RESOURCE -> new McpSchema.EmbeddedResource(null, served(contents.apply(m.uri()), promptName, m.uri()));
                case RESOURCE_LINK -> served(link.apply(m.uri()), promptName, m.uri());
            };
            out.add(new McpSchema.PromptMessage(role, content));
        }
        return out;
    }

    private static <T> T served(T resource, String promptName, String uri) {
        if (resource == null) {
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                    .message("prompt '" + promptName + "' names resource '" + uri + "', which this organization does not serve")
                    .build();
        }
        return resource;
    }
}
