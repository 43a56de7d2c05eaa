package io.mcpconfig.mcp;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.ViewListener;
import io.mcpconfig.schemas.Scopes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The MCP server's binding to a client-cache {@link ConfigCache}: {@code forOrg} (with the cache's
 * fallback to the defaults and its empty inactive views) and the all-orgs listener. Holds no state
 * of its own; thread-safe as the cache is. Does not close the cache.
 */
public final class ConfigCacheSource implements OrgConfigSource {
    private final ConfigCache cache;

    private ConfigCacheSource(ConfigCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    public static ConfigCacheSource of(ConfigCache cache) {
        return new ConfigCacheSource(cache);
    }

    @Override
    public OrgView forOrg(String orgId) {
        try {
            return cache.forOrg(orgId);
        } catch (IllegalArgumentException notSelected) { // the cache's org filter leaves this org out
            return new OrgView(Scopes.DEFAULTS, true, -1, Instant.EPOCH, List.of(), List.of());
        }
    }

    @Override
    public AutoCloseable subscribe(ViewListener listener) {
        return cache.addListener(listener);
    }
}
