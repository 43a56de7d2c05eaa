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
    // Open-addressing tables (linear probing, at most half full) over the items themselves: a
    // lookup touches one small array of this view and then the interned items, which many views
    // share, instead of a HashMap's table plus a node per entry per view. Measured: this is what
    // keeps prompt(name) within the read budget with thousands of views (docs/benchmarks.md).
    // Each table's keys are also in an array of their own, same index: a probe compares names
    // without first loading the item (one dependent load fewer per lookup, measured on the read path).
    private final Prompt[] promptTable;
    private final String[] promptNames;
    private final Resource[] resourceTable;
    private final String[] resourceUris;

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
        this.promptTable = new Prompt[tableSize(this.prompts.size())];
        this.promptNames = new String[promptTable.length];
        for (Prompt p : this.prompts) {
            int i = slot(p.name(), promptTable.length);
            while (promptNames[i] != null) {
                if (promptNames[i].equals(p.name())) {
                    throw new IllegalArgumentException("view of " + orgId + " has prompt " + p.name() + " twice");
                }
                i = (i + 1) & (promptTable.length - 1);
            }
            promptTable[i] = p;
            promptNames[i] = p.name();
        }
        this.resourceTable = new Resource[tableSize(this.resources.size())];
        this.resourceUris = new String[resourceTable.length];
        for (Resource r : this.resources) {
            int i = slot(r.uri(), resourceTable.length);
            while (resourceUris[i] != null) {
                if (resourceUris[i].equals(r.uri())) {
                    throw new IllegalArgumentException("view of " + orgId + " has resource " + r.uri() + " twice");
                }
                i = (i + 1) & (resourceTable.length - 1);
            }
            resourceTable[i] = r;
            resourceUris[i] = r.uri();
        }
    }

    /** A power of two at least twice the count, so probes stay short and always reach an empty slot. */
    private static int tableSize(int count) {
        return Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1;
    }

    private static int slot(String key, int length) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (length - 1);
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
        int h = name.hashCode();
        String[] names = promptNames;
        int mask = names.length - 1;
        for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
            String n = names[i];
            if (n == null) {
                return null;
            }
            if (n == name || (n.hashCode() == h && n.equals(name))) {
                return promptTable[i];
            }
        }
    }

    /**
     * The resource with that URI, or null when not served. Allocates nothing.
     *
     * @throws NullPointerException if {@code uri} is null
     */
    public Resource resource(String uri) {
        int h = uri.hashCode();
        String[] uris = resourceUris;
        int mask = uris.length - 1;
        for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
            String u = uris[i];
            if (u == null) {
                return null;
            }
            if (u == uri || (u.hashCode() == h && u.equals(uri))) {
                return resourceTable[i];
            }
        }
    }

    @Override
    public String toString() {
        return "OrgView[" + orgId + (active ? "" : ", inactive") + ", revision " + revision + ", "
                + prompts.size() + " prompts, " + resources.size() + " resources]";
    }
}
