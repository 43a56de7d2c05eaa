package io.mcpconfig.cache;

import com.github.benmanes.caffeine.cache.Interner;
import java.util.Arrays;

/**
 * Where each name (or URI) sits in a view's item array: an open-addressing table (linear probing, at
 * most half full) from name to position. Shared: every view with the same names in the same order
 * gets the same index (interned, weakly, so an index no view uses any more is collected).
 *
 * <p>Why shared: with thousands of orgs that mostly inherit the same prompts, a table per view (64
 * slots of names and items for 20 prompts, ~0.5 KiB) makes the tables of 1,000 views outgrow the
 * CPU's L2 cache, and a lookup pays dependent misses into its view's table (header and slot). A
 * shared index stays in L1, and a view keeps only its items in a small array. Measured: a plain map
 * lookup followed by {@code prompt(name)} 18-19 ns against 23-40 ns with per-view tables
 * (docs/benchmarks.md, client-cache decision 11). Immutable, thread-safe.
 */
final class NameIndex {
    private static final Interner<NameIndex> SHARED = Interner.newWeakInterner();

    private final String[] names; // in item order: what makes two indexes equal
    private final int hash;
    private final String[] table;
    private final int[] positions;
    private final int mask;

    private NameIndex(String[] names) {
        this.names = names;
        this.hash = Arrays.hashCode(names);
        int size = Integer.highestOneBit(Math.max(2, names.length) * 2 - 1) << 1; // >= twice the count
        this.table = new String[size];
        this.positions = new int[size];
        this.mask = size - 1;
        for (int p = 0; p < names.length; p++) {
            int i = slot(names[p].hashCode(), mask);
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
            table[i] = names[p];
            positions[i] = p;
        }
    }

    /** The shared index of {@code names}, which must be distinct; the array is not copied, never modify it. */
    static NameIndex of(String[] names) {
        return SHARED.intern(new NameIndex(names));
    }

    /** The position of {@code name}, or -1. Allocates nothing. */
    int indexOf(String name) {
        int h = name.hashCode();
        String[] t = table;
        int m = mask;
        for (int i = slot(h, m); ; i = (i + 1) & m) {
            String n = t[i];
            if (n == null) {
                return -1;
            }
            // Identity first (free when the caller holds the view's own name), then the cached
            // hash (skips equals on a probe past another name), then the full comparison.
            if (n == name || (n.hashCode() == h && n.equals(name))) {
                return positions[i];
            }
        }
    }

    /**
     * A multiplicative (Fibonacci) mix before masking, as in the cache's org table: keys that
     * differ only in their last characters have String hashes in overlapping runs, which linear
     * probing turns into clusters (for 1,000 ids "org-N" in 2,048 slots, 5.4 probes per hit on
     * average with HashMap's {@code h ^ (h >>> 16)}, 1.5 with this mix).
     */
    static int slot(int h, int mask) {
        int x = h * 0x9E3779B9;
        return (x ^ (x >>> 16)) & mask;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameIndex other && hash == other.hash && Arrays.equals(names, other.names);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
