package io.mcpconfig.console.internal;

import io.mcpconfig.admin.Scope;
import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.ListenerRegistration;
import io.mcpconfig.cache.ViewChange;
import io.mcpconfig.console.internal.auth.Pkce;
import io.mcpconfig.schemas.Scopes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows a save to the clients: the console reads {@code mcpconfig.views} itself (a client-cache
 * of its own), so it sees when a view of the saved scope newer than the one before the save lands,
 * and then asks {@link ServerCount} how many known MCP servers have applied it. A watch starts
 * <em>before</em> the write (so no view can slip by) and is forgotten after a few minutes.
 * Thread-safe.
 */
public final class Propagation implements AutoCloseable {
    static final Duration KEEP = Duration.ofMinutes(5);

    /** How many known MCP servers hold a revision; {@code known} is -1 when that can't be told. */
    public record Servers(int reached, int known) {}

    /** Where the receipts of the MCP servers' caches are read. */
    @FunctionalInterface
    public interface ServerCount {
        Servers count(long revision);
    }

    /** One save being followed: the view it waits for, and when it started (System.nanoTime). */
    public static final class Watch {
        final String viewKey;
        final long revisionBefore;
        final long startNanos = System.nanoTime();
        final CompletableFuture<Long> inViews = new CompletableFuture<>(); // the new view's revision

        Watch(String viewKey, long revisionBefore) {
            this.viewKey = viewKey;
            this.revisionBefore = revisionBefore;
        }

        public CompletableFuture<Long> inViews() {
            return inViews;
        }

        public long elapsedMillis() {
            return (System.nanoTime() - startNanos) / 1_000_000;
        }

        public String viewKey() {
            return viewKey;
        }
    }

    private final ConfigCache views;
    private final ServerCount servers;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final ListenerRegistration registration;

    public Propagation(ConfigCache views, ServerCount servers) {
        this.views = views;
        this.servers = servers;
        this.registration = views.addListener(this::onChange);
    }

    /** Starts following the next view of {@code scope}; returns the watch id for {@code /events/<id>}. */
    public String before(Scope scope) {
        String key = scope.isDefaults() ? Scopes.DEFAULTS : scope.org();
        long revision = scope.isDefaults() || views.orgIds().contains(key) ? views.forOrg(key).revision() : -1;
        String id = Pkce.randomToken();
        long now = System.nanoTime();
        watches.values().removeIf(w -> now - w.startNanos > KEEP.toNanos());
        watches.put(id, new Watch(key, revision));
        return id;
    }

    public Watch watch(String id) {
        return watches.get(id);
    }

    public Servers servers(long revision) {
        return servers.count(revision);
    }

    private void onChange(ViewChange change) {
        for (Watch w : watches.values()) {
            if (w.viewKey.equals(change.orgId()) && change.newRevision() > w.revisionBefore) {
                w.inViews.complete(change.newRevision());
            }
        }
    }

    @Override
    public void close() {
        registration.remove();
    }
}
