package io.mcpconfig.cache;

/** Handle of an added {@link ViewListener}. Thread-safe. */
public interface ListenerRegistration extends AutoCloseable {
    /** Stops deliveries to the listener (one already under way may still finish). Idempotent. */
    void remove();

    /** Same as {@link #remove()}. */
    @Override
    default void close() {
        remove();
    }
}
