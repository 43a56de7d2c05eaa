package io.mcpconfig.mcp.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.PromptArgument;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a prompt's Mustache template with the client's arguments. Decisions (see
 * docs/decisions/mcp-server.md): no HTML escaping (prompts are plain text for a model, and
 * "&lt;" would corrupt code); a variable with no value renders empty and an empty value counts as
 * false in a section, so optional arguments can be guarded with {{#arg}}...{{/arg}}. Thread-safe.
 */
final class PromptRenderer {
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .defaultValue("")
            .emptyStringIsFalse(true);

    private PromptRenderer() {}

    /**
     * @throws McpError invalid-params when a required argument is missing (absent or null)
     */
    static String render(Prompt prompt, Map<String, Object> arguments) {
        Map<String, Object> values = new HashMap<>();
        for (PromptArgument declared : prompt.arguments()) {
            Object value = arguments == null ? null : arguments.get(declared.name());
            if (value == null) {
                if (declared.required()) {
                    throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                            .message("missing required argument '" + declared.name() + "' of prompt '" + prompt.name() + "'")
                            .build();
                }
                continue;
            }
            values.put(declared.name(), String.valueOf(value));
        }
        // Arguments the prompt does not declare are ignored: a template sees only its own contract.
        try {
            return COMPILER.compile(prompt.template()).execute(values);
        } catch (MustacheException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                    .message("template of prompt '" + prompt.name() + "' is not valid Mustache: " + e.getMessage())
                    .build();
        }
    }
}
