package io.mcpconfig.mcp.internal;

import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.PromptArgument;
import io.mcpconfig.schemas.template.MissingArgumentException;
import io.mcpconfig.schemas.template.PromptTemplates;
import io.mcpconfig.schemas.template.TemplateArgument;
import io.mcpconfig.schemas.template.TemplateSyntaxException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * prompts/get rendering as MCP errors. The rendering itself is the one renderer in
 * {@code io.mcpconfig.schemas.template} (shared with the CLI and the console, so a preview is
 * exactly what a client gets); this class only maps its failures to JSON-RPC errors. Thread-safe.
 */
final class PromptRenderer {
    private PromptRenderer() {}

    /**
     * @throws McpError invalid-params when a required argument is missing (absent or null),
     *                  internal-error when the stored template is not valid Mustache
     */
    static String render(Prompt prompt, Map<String, Object> arguments) {
        return render(prompt, prompt.template(), arguments);
    }

    /**
     * Renders {@code template} (the prompt's own, or one of a chat prompt's text messages) under the
     * prompt's argument contract.
     *
     * @throws McpError as {@link #render(Prompt, Map)}
     */
    static String render(Prompt prompt, String template, Map<String, Object> arguments) {
        List<TemplateArgument> declared = prompt.arguments().stream()
                .map(PromptRenderer::templateArgument).toList();
        Map<String, String> values;
        try {
            values = PromptTemplates.arguments(declared, arguments);
        } catch (MissingArgumentException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message("missing required argument '" + e.argument() + "' of prompt '" + prompt.name() + "'")
                    .build();
        }
        try {
            return PromptTemplates.compile(template).render(values);
        } catch (TemplateSyntaxException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                    .message("template of prompt '" + prompt.name() + "' is not valid Mustache: " + e.getMessage())
                    .build();
        }
    }

    private static TemplateArgument templateArgument(PromptArgument a) {
        return new TemplateArgument(a.name(), a.required());
    }
}
