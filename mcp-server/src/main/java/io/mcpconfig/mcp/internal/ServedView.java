package io.mcpconfig.mcp.internal;

import io.mcpconfig.cache.OrgView;
import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The view one organization's endpoint serves right now, with its list entries built once per
 * view (not per request), and the request handlers that answer from it: prompts/list and
 * resources/list in the view's order (sorted by name / URI: the SDK's registry would list in hash
 * order) and completion/complete (the SDK takes completion handlers only at build time).
 * Replaced whole, so one request never mixes two view updates. Thread-safe.
 */
final class ServedView {
    private record Snapshot(OrgView view, List<McpSchema.Prompt> prompts, List<McpSchema.Resource> resources) {}

    private volatile Snapshot current;

    ServedView(OrgView initial) {
        set(initial);
    }

    OrgView view() {
        return current.view();
    }

    void set(OrgView view) {
        current = new Snapshot(view,
                view.prompts().stream().map(McpItems::listing).toList(),
                view.resources().stream().map(r -> McpItems.listing(r, view)).toList());
    }

    /** Handlers by JSON-RPC method, put into each session ({@link io.modelcontextprotocol.spec.SessionHandlerOverrides}). */
    Map<String, McpRequestHandler<?>> handlers() {
        McpRequestHandler<McpSchema.ListPromptsResult> prompts =
                (exchange, params) -> Mono.fromSupplier(() -> new McpSchema.ListPromptsResult(current.prompts(), null));
        McpRequestHandler<McpSchema.ListResourcesResult> resources =
                (exchange, params) -> Mono.fromSupplier(() -> new McpSchema.ListResourcesResult(current.resources(), null));
        McpRequestHandler<McpSchema.CompleteResult> complete = (exchange, params) -> Mono.fromSupplier(() -> complete(params));
        return Map.of(McpSchema.METHOD_PROMPT_LIST, prompts, McpSchema.METHOD_RESOURCES_LIST, resources,
                McpSchema.METHOD_COMPLETION_COMPLETE, complete);
    }

    private McpSchema.CompleteResult complete(Object params) {
        if (!(params instanceof Map<?, ?> p) || !(p.get("ref") instanceof Map<?, ?> ref)
                || !(p.get("argument") instanceof Map<?, ?> argument) || !(argument.get("name") instanceof String name)) {
            throw invalid("completion/complete needs params.ref and params.argument.name");
        }
        if ("ref/resource".equals(ref.get("type"))) {
            // Our resources are concrete URIs, no templates: nothing to complete.
            return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(List.of(), 0, false));
        }
        if (!"ref/prompt".equals(ref.get("type")) || !(ref.get("name") instanceof String prompt)) {
            throw invalid("params.ref must be {type: ref/prompt, name} or {type: ref/resource, uri}");
        }
        Object value = argument.get("value");
        return McpItems.complete(current.view(), prompt, name, value == null ? "" : value.toString());
    }

    private static McpError invalid(String message) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
    }
}
