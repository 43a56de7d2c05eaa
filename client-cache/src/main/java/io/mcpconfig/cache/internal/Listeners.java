package io.mcpconfig.cache.internal;

import io.mcpconfig.cache.ListenerRegistration;
import io.mcpconfig.cache.ViewChange;
import io.mcpconfig.cache.ViewListener;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered listeners and their delivery. Copy-on-write lists: listeners change rarely, changes
 * are delivered often, and delivering then iterates without a lock. Thread-safe.
 */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final CopyOnWriteArrayList<ViewListener> forAll = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, CopyOnWriteArrayList<ViewListener>> byOrg = new ConcurrentHashMap<>();
    private final Executor executor;
    private final Runnable onFailure;

    /** @param executor null: call listeners on the calling (consumer) thread */
    Listeners(Executor executor, Runnable onFailure) {
        this.executor = executor;
        this.onFailure = onFailure;
    }

    ListenerRegistration add(ViewListener listener) {
        Objects.requireNonNull(listener, "listener");
        forAll.add(listener);
        return () -> forAll.remove(listener);
    }

    ListenerRegistration add(String orgId, ViewListener listener) {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(listener, "listener");
        byOrg.computeIfAbsent(orgId, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> byOrg.computeIfPresent(orgId, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** Whether a change of this key's view would reach anyone (else the cache skips the diff). */
    boolean interestedIn(String key) {
        return !forAll.isEmpty() || byOrg.containsKey(key)
                || (io.mcpconfig.schemas.Scopes.isDefaults(key) && !byOrg.isEmpty());
    }

    /** Org ids with listeners of their own. */
    Set<String> orgsListenedTo() {
        return byOrg.keySet();
    }

    /** Delivers a change of a key's own view to the all-orgs listeners and to that key's listeners. */
    void deliver(ViewChange change) {
        for (ViewListener l : forAll) {
            call(l, change);
        }
        deliverToOrg(change);
    }

    /** Delivers only to the listeners of {@code change.orgId()} (defaults seen through an org). */
    void deliverToOrg(ViewChange change) {
        List<ViewListener> own = byOrg.get(change.orgId());
        if (own != null) {
            for (ViewListener l : own) {
                call(l, change);
            }
        }
    }

    private void call(ViewListener listener, ViewChange change) {
        if (executor == null) {
            safely(listener, change);
        } else {
            executor.execute(() -> safely(listener, change));
        }
    }

    private void safely(ViewListener listener, ViewChange change) {
        try {
            listener.onChange(change);
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            onFailure.run();
            LOG.error("listener {} failed on the change of {} to revision {}; other listeners still run",
                    listener, change.orgId(), change.newRevision(), e);
        }
    }
}
