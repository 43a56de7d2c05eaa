package io.mcpconfig.cache;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final Map<String, Prompt> promptsByName;
    private final Map<String, Resource> resourcesByUri;

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
        // HashMap rather than Map.copyOf: a lookup of an absent key stops at an empty bucket
        // instead of probing, and it is never modified after construction (safe publication
        // through the final field).
        this.promptsByName = new HashMap<>(Math.max(4, this.prompts.size() * 2));
        for (Prompt p : this.prompts) {
            if (promptsByName.put(p.name(), p) != null) {
                throw new IllegalArgumentException("view of " + orgId + " has prompt " + p.name() + " twice");
            }
        }
        this.resourcesByUri = new HashMap<>(Math.max(4, this.resources.size() * 2));
        for (Resource r : this.resources) {
            if (resourcesByUri.put(r.uri(), r) != null) {
                throw new IllegalArgumentException("view of " + orgId + " has resource " + r.uri() + " twice");
            }
        }
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

    /** The prompt of that name, or null when not served. Allocates nothing. */
    public Prompt prompt(String name) {
        return promptsByName.get(name);
    }

    /** The resource with that URI, or null when not served. Allocates nothing. */
    public Resource resource(String uri) {
        return resourcesByUri.get(uri);
    }

    @Override
    public String toString() {
        return "OrgView[" + orgId + (active ? "" : ", inactive") + ", revision " + revision + ", "
                + prompts.size() + " prompts, " + resources.size() + " resources]";
    }
}
