package io.mcpconfig.mcp;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.Resource;
import io.mcpconfig.mcp.OrgContent.Argument;
import io.mcpconfig.mcp.OrgContent.PromptItem;
import io.mcpconfig.mcp.OrgContent.ResourceItem;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The MCP server's view of a client-cache {@link ConfigCache}: {@code forOrg} for content (with
 * the cache's fallback to the defaults and its empty inactive views), the all-orgs listener for
 * changes. Holds no state of its own; thread-safe as the cache is. Does not close the cache.
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
    public OrgContent contentOf(String orgId) {
        OrgView view;
        try {
            view = cache.forOrg(orgId);
        } catch (IllegalArgumentException notSelected) { // the cache's org filter leaves this org out
            return OrgContent.empty(orgId, -1);
        }
        return new OrgContent(orgId, view.revision(),
                view.prompts().stream().map(ConfigCacheSource::prompt).toList(),
                view.resources().stream().map(ConfigCacheSource::resource).toList());
    }

    @Override
    public AutoCloseable subscribe(Consumer<String> listener) {
        return cache.addListener(change -> listener.accept(change.orgId()));
    }

    private static PromptItem prompt(Prompt p) {
        return new PromptItem(p.name(), p.title(), p.description(), p.template(),
                p.arguments().stream().map(a -> new Argument(a.name(), a.description(), a.required())).toList(),
                p.messages(), p.contentHash());
    }

    private static ResourceItem resource(Resource r) {
        return new ResourceItem(r.uri(), r.name(), r.title(), r.description(), r.mimeType(), r.text(), r.blob(),
                r.contentHash());
    }
}
