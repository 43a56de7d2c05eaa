package io.mcpconfig.mcp;

import java.util.function.Consumer;

/**
 * Where the MCP server gets each organization's prompts and resources, and hears that they changed.
 * {@link ConfigCacheSource} binds it to client-cache; anything else that keeps per-org views may
 * implement it. Implementations must be thread-safe.
 */
public interface OrgConfigSource {
    /**
     * What {@code orgId} is served now: its own view, else the defaults; an inactive organization
     * gets empty lists. Never null, never blocks on I/O.
     */
    OrgContent contentOf(String orgId);

    /**
     * Calls {@code listener} with the id of each organization whose view changed, once per view
     * update ({@code _defaults} when the defaults changed: every organization without a view of its
     * own is affected). Calls may come from any thread; the listener must not block for long.
     *
     * @return closing it stops the calls
     */
    AutoCloseable subscribe(Consumer<String> listener);
}
