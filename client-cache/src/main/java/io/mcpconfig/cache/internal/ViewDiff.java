package io.mcpconfig.cache.internal;

import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.Resource;
import io.mcpconfig.cache.ViewChange;
import java.util.ArrayList;
import java.util.List;

/** The difference between what an org served before and after one update. Pure. */
final class ViewDiff {
    private ViewDiff() {}

    /**
     * @param before what {@code forOrg} served before (never null: an empty view if nothing)
     * @param after  what it serves now
     * @return the change; {@linkplain ViewChange#isEmpty() empty} when nothing a client sees changed
     */
    static ViewChange between(String orgId, long oldRevision, long newRevision, boolean removed,
                              OrgView before, OrgView after) {
        List<String> pAdded = new ArrayList<>();
        List<String> pRemoved = new ArrayList<>();
        List<String> pChanged = new ArrayList<>();
        for (Prompt p : after.prompts()) {
            Prompt old = before.prompt(p.name());
            if (old == null) {
                pAdded.add(p.name());
            } else if (!old.contentHash().equals(p.contentHash())) {
                pChanged.add(p.name());
            }
        }
        for (Prompt p : before.prompts()) {
            if (after.prompt(p.name()) == null) {
                pRemoved.add(p.name());
            }
        }
        List<String> rAdded = new ArrayList<>();
        List<String> rRemoved = new ArrayList<>();
        List<String> rChanged = new ArrayList<>();
        for (Resource r : after.resources()) {
            Resource old = before.resource(r.uri());
            if (old == null) {
                rAdded.add(r.uri());
            } else if (!old.contentHash().equals(r.contentHash())) {
                rChanged.add(r.uri());
            }
        }
        for (Resource r : before.resources()) {
            if (after.resource(r.uri()) == null) {
                rRemoved.add(r.uri());
            }
        }
        return new ViewChange(orgId, oldRevision, newRevision, removed,
                !before.active() && after.active(), before.active() && !after.active(),
                pAdded, pRemoved, pChanged, rAdded, rRemoved, rChanged, after);
    }
}
