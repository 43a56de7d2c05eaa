package io.mcpconfig.mcp;

import io.mcpconfig.schemas.Scopes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An {@link OrgConfigSource} over a map, for tests of the MCP layer alone (the real binding,
 * {@link ConfigCacheSource}, is tested against a real broker). Falls back to {@code _defaults}.
 */
final class InMemorySource implements OrgConfigSource {
    private final Map<String, OrgContent> views = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** Replaces one org's view (or the defaults) and tells the listeners, like one view update. */
    void put(OrgContent content) {
        views.put(content.orgId(), content);
        listeners.forEach(l -> l.accept(content.orgId()));
    }

    @Override
    public OrgContent contentOf(String orgId) {
        OrgContent own = views.get(orgId);
        if (own != null) {
            return own;
        }
        OrgContent defaults = views.getOrDefault(Scopes.DEFAULTS, OrgContent.empty(Scopes.DEFAULTS, 0));
        return new OrgContent(orgId, defaults.revision(), defaults.prompts(), defaults.resources());
    }

    @Override
    public AutoCloseable subscribe(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
