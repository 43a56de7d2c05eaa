package io.mcpconfig.mcp.internal;

import io.mcpconfig.cache.OrgView;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Benchmark-only bridge, not API: mcp-server's {@code prompts/get} handler body is package-private,
 * so this class sits in the same package (in the benchmarks jar, which holds both) and lets
 * {@code RenderBenchmark} measure that very code instead of a copy of it, without making it public.
 */
public final class PromptsGet {
    private PromptsGet() {}

    /** Exactly what an org endpoint answers a {@code prompts/get} with, from the view it serves. */
    public static McpSchema.GetPromptResult get(OrgView view, McpSchema.GetPromptRequest request) {
        return McpItems.get(view, request);
    }
}
