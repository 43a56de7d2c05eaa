package io.mcpconfig.mcp.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.PromptMessage;
import io.mcpconfig.schemas.template.CompiledTemplate;
import io.mcpconfig.schemas.template.MissingArgumentException;
import io.mcpconfig.schemas.template.PromptTemplates;
import io.mcpconfig.schemas.template.TemplateArgument;
import io.mcpconfig.schemas.template.TemplateSyntaxException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One prompt ready for prompts/get: its templates compiled and its argument contract in the
 * renderer's terms, made once per {@link Prompt} object instead of once per request. The rendering
 * rules are the one renderer's ({@code io.mcpconfig.schemas.template}, shared with the CLI and the
 * console, so a preview is exactly what a client gets); this class holds what it compiled and maps
 * its failures to JSON-RPC errors. Immutable and thread-safe.
 *
 * <p>Why a process-wide memo keyed by the prompt object (decision 17): the cache interns prompts,
 * so an unchanged prompt is the same object in every version of a view and in every org that
 * inherits it. Keyed by that identity, a new view version compiles only the prompts it changed, and
 * a default served by thousands of orgs is compiled once, not once per org endpoint. Weak keys: an
 * entry lives as long as some view holds its prompt, as the cache's own interner does, so there is
 * no size to tune. A hit is one {@code ConcurrentHashMap} read, lock-free and writing nothing; a
 * miss compiles under the lock of its own hash bin only, once per prompt object.
 */
final class PromptRenderer {
    private static final Cache<Prompt, PromptRenderer> COMPILED = Caffeine.newBuilder().weakKeys().build();
    /**
     * Hits are read quietly: with weak keys and no bound there is no policy for a read to inform, and
     * Caffeine's per-read bookkeeping (a read buffer every request thread writes to) made a hit cost
     * more than the synchronized memo it replaces. Entries of collected prompts are then removed on
     * the next write (the next prompt compiled), which is when new prompt objects appear anyway.
     */
    private static final Policy<Prompt, PromptRenderer> QUIET = COMPILED.policy();

    private final String promptName;
    private final List<TemplateArgument> declared;
    /** By template text: the prompt's template and its text messages' (held strings, so no copy). */
    private final Map<String, Compiled> templates;

    private PromptRenderer(Prompt prompt) {
        // Nothing here may reference the prompt itself: the memo's value would keep its weak key alive.
        promptName = prompt.name();
        declared = prompt.arguments().stream().map(a -> new TemplateArgument(a.name(), a.required())).toList();
        Map<String, Compiled> byText = new HashMap<>();
        byText.put(prompt.template(), Compiled.of(prompt.template()));
        for (PromptMessage m : prompt.messages()) {
            if (m.kind() == PromptMessage.Kind.TEXT) {
                byText.computeIfAbsent(m.text(), Compiled::of);
            }
        }
        templates = Map.copyOf(byText);
    }

    /** The renderer of {@code prompt}: compiled on the first call for this object, the same instance on every later one. */
    static PromptRenderer of(Prompt prompt) {
        PromptRenderer known = QUIET.getIfPresentQuietly(prompt);
        return known != null ? known : COMPILED.get(prompt, PromptRenderer::new);
    }

    /**
     * Applies one request's arguments to the prompt's contract, once, and returns what renders the
     * prompt's template or any of its text messages' templates (by their text) with them. The returned
     * renderer throws {@code McpError} internal-error when the stored template is not valid Mustache,
     * and {@link IllegalArgumentException} for a text that is not one of this prompt's templates.
     *
     * @param arguments the request's arguments; may be null (none)
     * @throws McpError invalid-params when a required argument is missing (absent or null)
     */
    UnaryOperator<String> bind(Map<String, Object> arguments) {
        Map<String, String> values;
        try {
            values = PromptTemplates.arguments(declared, arguments);
        } catch (MissingArgumentException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message("missing required argument '" + e.argument() + "' of prompt '" + promptName + "'")
                    .build();
        }
        return template -> render(template, values);
    }

    private String render(String template, Map<String, String> values) {
        Compiled compiled = templates.get(template);
        if (compiled == null) {
            throw new IllegalArgumentException("not a template of prompt '" + promptName + "'");
        }
        try {
            if (compiled.template() == null) {
                throw compiled.failure();
            }
            return compiled.template().render(values);
        } catch (TemplateSyntaxException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                    .message("template of prompt '" + promptName + "' is not valid Mustache: " + e.getMessage())
                    .build();
        }
    }

    /**
     * A template compiled, or why it does not compile: kept too, so a broken template (which the
     * control plane refuses, but raw SQL can store) costs one parse, not one per request.
     */
    private record Compiled(CompiledTemplate template, TemplateSyntaxException failure) {
        static Compiled of(String source) {
            try {
                return new Compiled(PromptTemplates.compile(source), null);
            } catch (TemplateSyntaxException e) {
                return new Compiled(null, e);
            }
        }
    }
}
