package io.mcpconfig.cache;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one organization serves: its prompts and resources after the merge rule (defaults overlaid
 * by its overrides). Immutable and thread-safe; a new view replaces the old one on every change.
 *
 * <p>{@link #prompt(String)} and {@link #resource(String)} are lookups in maps built once, so they
 * allocate nothing: they are meant for every request of an MCP server.
 */
public final class OrgView {
    private final String orgId;
    private final boolean active;
    private final long revision;
    private final Instant updatedAt;
    private final List<Prompt> prompts;
    private final List<Resource> resources;
    // Open-addressing tables (linear probing, at most half full) over the items themselves, names
    // and items interleaved in one array ([name0, item0, name1, item1, ...]): a lookup touches one
    // line of one small array of this view (the name it compares and the item it returns side by
    // side) and no other object of the view but this one, instead of a HashMap's table plus a node
    // per entry. The read path is bound by dependent cache misses across thousands of views, so each
    // array or object fewer on the chain is measurable (client-cache decisions 7, 10, 11;
    // docs/benchmarks.md). Items are interned and shared between views; the tables are per view.
    private final Object[] promptTable;
    private final Object[] resourceTable;

    /**
     * @param orgId     the organization, or {@code _defaults} for the defaults-only view
     * @param active    false for an inactive organization; its view then holds nothing, whatever
     *                  {@code prompts} and {@code resources} say
     * @param revision  the highest commit LSN that shaped the view, -1 for none
     * @param updatedAt commit time of the newest change that shaped the view
     * @param prompts   sorted by name, no two with the same name
     * @param resources sorted by URI, no two with the same URI
     * @throws IllegalArgumentException on a duplicate name or URI
     */
    public OrgView(String orgId, boolean active, long revision, Instant updatedAt,
                   List<Prompt> prompts, List<Resource> resources) {
        this.orgId = Objects.requireNonNull(orgId, "orgId");
        this.active = active;
        this.revision = revision;
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.prompts = active ? List.copyOf(prompts) : List.of();
        this.resources = active ? List.copyOf(resources) : List.of();
        this.promptTable = new Object[2 * tableSize(this.prompts.size())];
        for (Prompt p : this.prompts) {
            put(promptTable, p.name(), p, "prompt");
        }
        this.resourceTable = new Object[2 * tableSize(this.resources.size())];
        for (Resource r : this.resources) {
            put(resourceTable, r.uri(), r, "resource");
        }
    }

    private void put(Object[] table, String key, Object item, String kind) {
        int mask = (table.length >> 1) - 1;
        int i = slot(key.hashCode(), mask);
        while (table[2 * i] != null) {
            if (key.equals(table[2 * i])) {
                throw new IllegalArgumentException("view of " + orgId + " has " + kind + " " + key + " twice");
            }
            i = (i + 1) & mask;
        }
        table[2 * i] = key;
        table[2 * i + 1] = item;
    }

    /** The item stored under {@code key}, or null; the one probe loop for both tables. */
    private static Object find(Object[] table, String key) {
        int h = key.hashCode();
        int mask = (table.length >> 1) - 1;
        for (int i = slot(h, mask); ; i = (i + 1) & mask) {
            String k = (String) table[2 * i];
            if (k == null) {
                return null;
            }
            // Identity first (free when the caller holds the view's own name), then the cached
            // hash (skips equals on a probe past another name), then the full comparison.
            if (k == key || (k.hashCode() == h && k.equals(key))) {
                return table[2 * i + 1];
            }
        }
    }

    /** A power of two at least twice the count, so probes stay short and always reach an empty slot. */
    private static int tableSize(int count) {
        return Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1;
    }

    private static int slot(int h, int mask) {
        return (h ^ (h >>> 16)) & mask;
    }

    /** The organization this view belongs to; {@code _defaults} when it is the defaults view. */
    public String orgId() {
        return orgId;
    }

    /** False for an inactive organization, which serves nothing. */
    public boolean active() {
        return active;
    }

    /** Highest commit LSN that shaped this view (never decreases for an org); -1 for none. */
    public long revision() {
        return revision;
    }

    /** Commit time of the newest change that shaped this view. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** Every prompt served, sorted by name; unmodifiable, empty when inactive. */
    public List<Prompt> prompts() {
        return prompts;
    }

    /** Every resource served, sorted by URI; unmodifiable, empty when inactive. */
    public List<Resource> resources() {
        return resources;
    }

    /**
     * The prompt of that name, or null when not served. Allocates nothing.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public Prompt prompt(String name) {
        return (Prompt) find(promptTable, name);
    }

    /**
     * The resource with that URI, or null when not served. Allocates nothing.
     *
     * @throws NullPointerException if {@code uri} is null
     */
    public Resource resource(String uri) {
        return (Resource) find(resourceTable, uri);
    }

    @Override
    public String toString() {
        return "OrgView[" + orgId + (active ? "" : ", inactive") + ", revision " + revision + ", "
                + prompts.size() + " prompts, " + resources.size() + " resources]";
    }
}
