package io.mcpconfig.cache;

import java.util.List;
import java.util.Objects;

/**
 * What changed in what {@link ConfigCache#forOrg(String)} serves for one organization: always the
 * difference between what it returned before and what it returns after one update. So when an
 * org's view is removed (the org was deleted) the org now serves the defaults, and the change lists
 * the difference to the defaults; when an org is deactivated everything it served is removed.
 *
 * <p>An item is "changed" when it is served before and after with a different content hash.
 * Lists hold names (prompts) or URIs (resources), sorted; look the items up in {@link #after()}.
 * Immutable.
 *
 * @param orgId        the organization, or {@code _defaults}
 * @param oldRevision  revision of the view before, -1 if the org had no view of its own
 * @param newRevision  revision of the view after, -1 if the org has no view of its own any more
 * @param removed      the org's view was removed (tombstone: the org was deleted)
 * @param activated    the org went from inactive to active
 * @param deactivated  the org went from active to inactive
 * @param after        what {@code forOrg(orgId)} serves now, never null
 */
public record ViewChange(String orgId, long oldRevision, long newRevision,
                         boolean removed, boolean activated, boolean deactivated,
                         List<String> promptsAdded, List<String> promptsRemoved, List<String> promptsChanged,
                         List<String> resourcesAdded, List<String> resourcesRemoved,
                         List<String> resourcesChanged, OrgView after) {
    public ViewChange {
        Objects.requireNonNull(orgId, "orgId");
        promptsAdded = sorted(promptsAdded);
        promptsRemoved = sorted(promptsRemoved);
        promptsChanged = sorted(promptsChanged);
        resourcesAdded = sorted(resourcesAdded);
        resourcesRemoved = sorted(resourcesRemoved);
        resourcesChanged = sorted(resourcesChanged);
        Objects.requireNonNull(after, "after");
    }

    private static List<String> sorted(List<String> keys) {
        return keys.stream().sorted().toList();
    }

    /** Whether the set or content of served prompts changed (an MCP server's prompts/list_changed). */
    public boolean promptsChangedAtAll() {
        return !promptsAdded.isEmpty() || !promptsRemoved.isEmpty() || !promptsChanged.isEmpty();
    }

    /** Whether the set or content of served resources changed (resources/list_changed). */
    public boolean resourcesChangedAtAll() {
        return !resourcesAdded.isEmpty() || !resourcesRemoved.isEmpty() || !resourcesChanged.isEmpty();
    }

    /** Whether anything a listener could act on changed; the cache never delivers an empty change. */
    public boolean isEmpty() {
        return !removed && !activated && !deactivated && !promptsChangedAtAll() && !resourcesChangedAtAll();
    }
}
