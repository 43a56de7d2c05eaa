package io.mcpconfig.e2e;

import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.Resource;
import io.mcpconfig.cache.ViewChange;
import io.mcpconfig.cache.ViewListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches every change a client sees and records any item whose default or override version, or
 * any org whose revision, goes backwards. Versions never go back for a row key in the database
 * (not even across delete and re-insert), so a client must never see them go back either.
 */
final class VersionWatch implements ViewListener {
    private final Map<String, Long> highest = new ConcurrentHashMap<>();
    final List<String> regressions = new CopyOnWriteArrayList<>();

    @Override
    public void onChange(ViewChange change) {
        String org = change.orgId();
        if (change.newRevision() >= 0) {
            check(org + " revision", change.newRevision());
        }
        if (change.removed() || !org.equals(change.after().orgId())) {
            return; // the org now serves the defaults view: its own items are gone, nothing to compare
        }
        for (Prompt p : change.after().prompts()) {
            check(org + " prompt " + p.name() + " default", p.versions().ofDefault());
            check(org + " prompt " + p.name() + " override", p.versions().ofOverride());
        }
        for (Resource r : change.after().resources()) {
            check(org + " resource " + r.uri() + " default", r.versions().ofDefault());
            check(org + " resource " + r.uri() + " override", r.versions().ofOverride());
        }
    }

    private void check(String what, Long version) {
        if (version == null) {
            return;
        }
        Long before = highest.merge(what, version, Math::max);
        if (before > version) {
            regressions.add(what + " went back to " + version + " after " + before);
        }
    }
}
