package io.mcpconfig.mcp;

import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.ViewChange;
import io.mcpconfig.cache.ViewListener;
import io.mcpconfig.schemas.Scopes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An {@link OrgConfigSource} over a map, for tests of the MCP layer alone (the real binding,
 * {@link ConfigCacheSource}, is tested against a real broker). Falls back to {@code _defaults} and
 * hands listeners the {@link ViewChange} the cache would: what {@code forOrg(key)} served before
 * and after, nothing when nothing changed.
 */
final class InMemorySource implements OrgConfigSource {
    private final Map<String, OrgView> views = new ConcurrentHashMap<>();
    private final List<ViewListener> listeners = new CopyOnWriteArrayList<>();

    /** Replaces one org's view (or the defaults) and tells the listeners, like one view update. */
    synchronized void put(OrgView view) {
        String key = view.orgId();
        OrgView before = forOrg(key);
        views.put(key, view);
        OrgView after = forOrg(key);
        ViewChange change = new ViewChange(key, before.revision(), after.revision(), false,
                !before.active() && after.active(), before.active() && !after.active(),
                keys(after, before, OrgView::prompts, p -> p.name()), keys(before, after, OrgView::prompts, p -> p.name()),
                changed(before, after, OrgView::prompts, p -> p.name(), p -> p.contentHash()),
                keys(after, before, OrgView::resources, r -> r.uri()), keys(before, after, OrgView::resources, r -> r.uri()),
                changed(before, after, OrgView::resources, r -> r.uri(), r -> r.contentHash()), after);
        if (!change.isEmpty()) {
            listeners.forEach(l -> l.onChange(change));
        }
    }

    /** Keys in {@code a} that {@code b} lacks. */
    private static <T> List<String> keys(OrgView a, OrgView b, Function<OrgView, List<T>> items, Function<T, String> key) {
        List<String> other = items.apply(b).stream().map(key).toList();
        return items.apply(a).stream().map(key).filter(k -> !other.contains(k)).toList();
    }

    private static <T> List<String> changed(OrgView before, OrgView after, Function<OrgView, List<T>> items,
                                            Function<T, String> key, Function<T, String> hash) {
        Map<String, String> old = new java.util.HashMap<>();
        items.apply(before).forEach(t -> old.put(key.apply(t), hash.apply(t)));
        return items.apply(after).stream()
                .filter(t -> old.containsKey(key.apply(t)) && !old.get(key.apply(t)).equals(hash.apply(t)))
                .map(key).toList();
    }

    @Override
    public OrgView forOrg(String orgId) {
        OrgView own = views.get(orgId);
        if (own != null) {
            return own;
        }
        return views.getOrDefault(Scopes.DEFAULTS, new OrgView(Scopes.DEFAULTS, true, -1, Instant.EPOCH, List.of(), List.of()));
    }

    @Override
    public AutoCloseable subscribe(ViewListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
