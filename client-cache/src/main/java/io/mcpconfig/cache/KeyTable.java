package io.mcpconfig.cache;

import java.util.List;
import java.util.function.Function;

/**
 * The lookup tables of {@link OrgView}: open addressing with linear probing, at most half full,
 * over the items themselves, which many views share (interned). Each key sits right before its
 * item in one array ({@code [key0, item0, key1, item1, ...]}), so a probe that finds its key finds
 * the item on the same cache line: a read of one view touches one line of this array and then the
 * item. A table per view plus a node per entry (a {@code HashMap}) or keys and items in two arrays
 * each cost a dependent load more per read (docs/benchmarks.md, client read path).
 */
final class KeyTable {
    private KeyTable() {}

    /**
     * A table of {@code items} by {@code key}.
     *
     * @throws IllegalArgumentException naming {@code what} and the key when two items share a key
     */
    static <T> Object[] of(List<T> items, Function<T, String> key, String what) {
        Object[] table = new Object[2 * capacity(items.size())];
        int mask = (table.length >> 1) - 1;
        for (T item : items) {
            String k = key.apply(item);
            int i = spread(k.hashCode()) & mask;
            while (table[2 * i] != null) {
                if (table[2 * i].equals(k)) {
                    throw new IllegalArgumentException(what + " " + k + " twice");
                }
                i = (i + 1) & mask;
            }
            table[2 * i] = k;
            table[2 * i + 1] = item;
        }
        return table;
    }

    /** The item stored under {@code key}, or null. Allocates nothing. */
    static Object find(Object[] table, String key) {
        int h = key.hashCode();
        int mask = (table.length >> 1) - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            String k = (String) table[2 * i];
            if (k == null) {
                return null;
            }
            if (k == key || (k.hashCode() == h && k.equals(key))) {
                return table[2 * i + 1];
            }
        }
    }

    /** A power of two at least twice the count, so probes stay short and always reach an empty slot. */
    private static int capacity(int count) {
        return Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
