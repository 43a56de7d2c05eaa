package io.mcpconfig.mcp;

import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.ViewListener;

/**
 * Where the MCP server gets each organization's view and hears what changed in it: the
 * client-cache's own model ({@link OrgView}, {@link io.mcpconfig.cache.ViewChange}), so the server
 * keeps no second copy and computes no second diff. {@link ConfigCacheSource} binds it to a
 * {@link io.mcpconfig.cache.ConfigCache}. Implementations must be thread-safe.
 */
public interface OrgConfigSource {
    /**
     * What {@code orgId} is served now: its own view, else the defaults; an inactive organization
     * gets an empty view. Never null, never blocks on I/O.
     */
    OrgView forOrg(String orgId);

    /**
     * Calls {@code listener} with each change of an organization's own view and of the defaults
     * ({@code _defaults}: every organization without a view of its own is affected), as
     * {@link io.mcpconfig.cache.ConfigCache#addListener(ViewListener)} does: in order, never empty.
     *
     * @return closing it stops the calls
     */
    AutoCloseable subscribe(ViewListener listener);
}
