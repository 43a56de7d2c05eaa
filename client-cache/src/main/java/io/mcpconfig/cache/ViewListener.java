package io.mcpconfig.cache;

/**
 * Receives what changed in an organization's view. Called on the cache's consumer thread, or on
 * the executor given to {@link ConfigCacheBuilder#listenerExecutor}, never while the cache holds a
 * lock that readers need; changes of one org arrive in order when the executor runs tasks in order
 * (the default does). A listener that throws is logged and counted, and the others still run.
 * A slow listener on the consumer thread delays every later update: hand long work off.
 */
@FunctionalInterface
public interface ViewListener {
    /** @param change never null, never {@linkplain ViewChange#isEmpty() empty} */
    void onChange(ViewChange change);
}
