package io.mcpconfig.cache.internal;

import io.mcpconfig.cache.OrgView;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.BooleanSupplier;

/**
 * The decoded views that reads are served from, by key: what {@code forOrg} reads on every request.
 *
 * <p>Why not a {@code ConcurrentHashMap<String, OrgView>} (or a map to a holder of the view): a map's
 * table points to a node per entry, which points to the key and the value, one dependent load more
 * than a table holding key and value itself, and a holder adds one more. Here keys and views are
 * interleaved in one array, {@code [key0, view0, key1, view1, ...]}, open addressing with linear
 * probing, at most half full: a hit reads the key it compares and the view it returns from one cache
 * line. Measured, the org lookup is no faster than with the holder design (decision 11): a probe past
 * another key loads that key's String to compare hashes, which a map node keeps beside its key.
 *
 * <p>Readers take no lock and allocate nothing: one volatile read of the array, then acquire reads
 * of its slots. Writers (the consumer thread, a reader installing a view it decoded, Caffeine's
 * eviction) take this table's lock. Within one array a slot's key, once set, never changes or
 * goes: clearing a key's view (eviction, removal) leaves the key, so a reader's probe never stops
 * short of a key that was there when it started, and a view found beside a key is that key's. When
 * keys fill half the array, a new array is built from the keys that still have a view and published
 * with one volatile write; a reader still probing the old one sees it as it was a moment ago.
 *
 * <p>A miss (no key, or a key without a view) says nothing about the key: the caller asks its source
 * of truth.
 */
final class ViewTable {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final int MIN_CAPACITY = 16; // keys; a power of two

    private volatile Object[] slots = new Object[2 * MIN_CAPACITY];
    /** Slots of {@link #slots} holding a key, with or without a view; guarded by this. */
    private int keys;

    /** The view held for {@code key}, or null: not decoded, evicted, removed or never held. */
    OrgView get(String key) {
        Object[] t = slots;
        int h = key.hashCode();
        int mask = (t.length >>> 1) - 1;
        for (int i = slot(h, mask); ; i = (i + 1) & mask) {
            String k = (String) SLOTS.getAcquire(t, 2 * i);
            if (k == null) {
                return null;
            }
            // Identity first, then the cached hash (skips equals on a probe past another key).
            if (k == key || (k.hashCode() == h && k.equals(key))) {
                return (OrgView) SLOTS.getAcquire(t, 2 * i + 1);
            }
        }
    }

    /** Holds {@code view} for {@code key} from now on, replacing any. */
    synchronized void put(String key, OrgView view) {
        Object[] t = slots;
        int i = find(t, key);
        if (t[2 * i] == null) {
            if (keys + 1 > (t.length >>> 2)) {
                t = rebuild(1);
                i = find(t, key);
            }
            keys++;
            SLOTS.setRelease(t, 2 * i + 1, view);
            SLOTS.setRelease(t, 2 * i, key); // after the view: whoever finds the key finds its view (or null)
        } else {
            SLOTS.setRelease(t, 2 * i + 1, view);
        }
    }

    /**
     * Holds {@code view} for {@code key} if the key holds no view now and {@code stillCurrent}, asked
     * under the lock, says yes: so a view decoded from bytes replaced meanwhile is never installed,
     * and never replaces one a writer put.
     */
    synchronized void install(String key, OrgView view, BooleanSupplier stillCurrent) {
        if (get(key) == null && stillCurrent.getAsBoolean()) {
            put(key, view);
        }
    }

    /** Drops {@code key}'s view, if any (the key keeps its slot until the next rebuild). */
    synchronized void clear(String key) {
        Object[] t = slots;
        int i = find(t, key);
        if (t[2 * i] != null) {
            SLOTS.setRelease(t, 2 * i + 1, null);
        }
    }

    /** Drops {@code key}'s view if it is {@code view} itself (a newer view stays). */
    synchronized void clearIf(String key, OrgView view) {
        Object[] t = slots;
        int i = find(t, key);
        if (t[2 * i] != null && t[2 * i + 1] == view) {
            SLOTS.setRelease(t, 2 * i + 1, null);
        }
    }

    /** The index of {@code key}'s slot in {@code t}, or of the empty slot where it would go. */
    private static int find(Object[] t, String key) {
        int mask = (t.length >>> 1) - 1;
        for (int i = slot(key.hashCode(), mask); ; i = (i + 1) & mask) {
            Object k = t[2 * i];
            if (k == null || k.equals(key)) {
                return i;
            }
        }
    }

    /**
     * A new array holding the keys that have a view, with room for {@code extra} more: at least three
     * slots per key, so it is at most a third full after a rebuild and half full before the next one
     * (amortized constant work per insert). Keys without a view are dropped here, which bounds them.
     */
    private Object[] rebuild(int extra) {
        Object[] old = slots;
        int live = 0;
        for (int i = 1; i < old.length; i += 2) {
            if (old[i] != null) {
                live++;
            }
        }
        int capacity = Math.max(MIN_CAPACITY, Integer.highestOneBit(3 * (live + extra) - 1) << 1);
        Object[] t = new Object[2 * capacity];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != null) {
                int j = find(t, (String) old[i]);
                t[2 * j] = old[i];
                t[2 * j + 1] = old[i + 1];
            }
        }
        keys = live;
        slots = t; // the volatile write publishes the filled array
        return t;
    }

    /** The Fibonacci mix of OrgView's name index too: String hashes of similar ids cluster otherwise (decision 11). */
    private static int slot(int h, int mask) {
        int x = h * 0x9E3779B9;
        return (x ^ (x >>> 16)) & mask;
    }
}
