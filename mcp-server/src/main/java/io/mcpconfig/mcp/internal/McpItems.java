package io.mcpconfig.mcp.internal;

import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.PromptArgument;
import io.mcpconfig.cache.Resource;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** The cache's items as the MCP schema spells them: list entries and request results. Stateless. */
final class McpItems {
    /** The spec's cap on completion values per response. */
    static final int MAX_COMPLETIONS = 100;

    private McpItems() {}

    /** The prompts/list entry: what a client sees without asking for the template. */
    static McpSchema.Prompt listing(Prompt p) {
        List<McpSchema.PromptArgument> arguments = p.arguments().stream()
                .map(a -> new McpSchema.PromptArgument(a.name(), null, a.description(), a.required()))
                .toList();
        return new McpSchema.Prompt(p.name(), p.title(), p.description(), arguments);
    }

    /**
     * The resources/list entry. {@code size} is the content's length in bytes (UTF-8 for text);
     * {@code lastModified} is the view's {@code updatedAt}: the view carries no per-item time, so
     * this is the newest change of anything the org serves (never earlier than the resource's own).
     */
    static McpSchema.Resource listing(Resource r, OrgView view) {
        return McpSchema.Resource.builder()
                .uri(r.uri()).name(r.name()).title(r.title()).description(r.description()).mimeType(r.mimeType())
                .size(size(r))
                .annotations(new McpSchema.Annotations(null, null, view.updatedAt().toString()))
                .build();
    }

    /** What makes two listing entries of a resource differ (its content and time do not). */
    static boolean sameListing(Resource a, Resource b) {
        return a.name().equals(b.name()) && Objects.equals(a.title(), b.title())
                && Objects.equals(a.description(), b.description()) && a.mimeType().equals(b.mimeType());
    }

    private static long size(Resource r) {
        return r.isBinary() ? r.blob().length : r.text().getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * prompts/get: a template prompt's rendered template as one user message, or a chat prompt's
     * messages ({@link ChatMessages}), whose embedded resources are read from the same view the
     * prompt came from: the org's own resources as of one revision.
     */
    static McpSchema.GetPromptResult get(OrgView view, McpSchema.GetPromptRequest request) {
        Prompt prompt = view.prompt(request.name());
        if (prompt == null) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("unknown prompt '" + request.name() + "'").build();
        }
        // The prompt's templates were compiled once for this prompt object (PromptRenderer), and the
        // arguments are checked once per request, not once per message.
        UnaryOperator<String> render = PromptRenderer.of(prompt).bind(request.arguments());
        if (prompt.isChat()) {
            return new McpSchema.GetPromptResult(prompt.description(), ChatMessages.of(prompt.name(), prompt.messages(),
                    render,
                    uri -> view.resource(uri) == null ? null : read(view, uri).contents().get(0),
                    uri -> view.resource(uri) == null ? null : link(view.resource(uri))));
        }
        String text = render.apply(prompt.template());
        return new McpSchema.GetPromptResult(prompt.description(),
                List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
    }

    /** A resource_link content: the resource's listing, without its content. */
    static McpSchema.ResourceLink link(Resource r) {
        return McpSchema.ResourceLink.builder()
                .uri(r.uri()).name(r.name()).title(r.title()).description(r.description()).mimeType(r.mimeType())
                .build();
    }

    /** resources/read: text as is, binary content base64-encoded (as MCP requires). */
    static McpSchema.ReadResourceResult read(OrgView view, String uri) {
        Resource r = view.resource(uri);
        if (r == null) {
            throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                    .message("unknown resource '" + uri + "'").data(Map.of("uri", uri)).build();
        }
        McpSchema.ResourceContents contents = r.text() != null
                ? new McpSchema.TextResourceContents(r.uri(), r.mimeType(), r.text())
                : new McpSchema.BlobResourceContents(r.uri(), r.mimeType(), Base64.getEncoder().encodeToString(r.blob()));
        return new McpSchema.ReadResourceResult(List.of(contents));
    }

    /**
     * completion/complete for {@code ref/prompt}: the argument's suggested values that start with
     * what the user typed (case-insensitive), in their declared order, at most 100, with the total
     * and whether more exist. An argument without suggestions (or unknown) completes to nothing.
     *
     * @throws McpError invalid-params for a prompt the org does not serve
     */
    static McpSchema.CompleteResult complete(OrgView view, String promptName, String argument, String typed) {
        Prompt prompt = view.prompt(promptName);
        if (prompt == null) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("unknown prompt '" + promptName + "'").build();
        }
        String prefix = typed == null ? "" : typed.toLowerCase(Locale.ROOT);
        List<String> matches = prompt.arguments().stream()
                .filter(a -> a.name().equals(argument))
                .findFirst()
                .map(PromptArgument::values)
                .orElse(List.of())
                .stream()
                .filter(v -> v.toLowerCase(Locale.ROOT).startsWith(prefix))
                .toList();
        List<String> shown = matches.size() > MAX_COMPLETIONS ? matches.subList(0, MAX_COMPLETIONS) : matches;
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(
                List.copyOf(shown), matches.size(), matches.size() > MAX_COMPLETIONS));
    }
}
