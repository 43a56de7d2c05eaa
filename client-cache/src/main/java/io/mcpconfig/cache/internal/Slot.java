package io.mcpconfig.cache.internal;

import io.mcpconfig.cache.OrgView;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One key's entry in the store: its stored bytes (immutable, replaced by a new slot on every
 * update) and, while Caffeine holds it, its decoded view. Readers read {@link #decoded} without a
 * lock; Caffeine's eviction clears it only if it is still the evicted view.
 */
final class Slot {
    private static final VarHandle DECODED;

    static {
        try {
            DECODED = MethodHandles.lookup().findVarHandle(Slot.class, "decoded", OrgView.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final StoredView stored;
    volatile OrgView decoded;

    Slot(StoredView stored, OrgView decoded) {
        this.stored = stored;
        this.decoded = decoded;
    }

    void clearIf(OrgView evicted) {
        DECODED.compareAndSet(this, evicted, null);
    }
}
