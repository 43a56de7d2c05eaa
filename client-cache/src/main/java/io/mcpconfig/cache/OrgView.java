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
    // Lookup tables over the (interned, shared) items: see KeyTable.
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
        this.promptTable = KeyTable.of(this.prompts, Prompt::name, "view of " + orgId + " has prompt");
        this.resourceTable = KeyTable.of(this.resources, Resource::uri, "view of " + orgId + " has resource");
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
        return (Prompt) KeyTable.find(promptTable, name);
    }

    /**
     * The resource with that URI, or null when not served. Allocates nothing.
     *
     * @throws NullPointerException if {@code uri} is null
     */
    public Resource resource(String uri) {
        return (Resource) KeyTable.find(resourceTable, uri);
    }

    @Override
    public String toString() {
        return "OrgView[" + orgId + (active ? "" : ", inactive") + ", revision " + revision + ", "
                + prompts.size() + " prompts, " + resources.size() + " resources]";
    }
}
