package io.mcpconfig.e2e;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.Resource;
import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import io.mcpconfig.admin.db.ConfigSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The end-to-end oracle: what a client serves for every org must equal the merge rule applied to
 * a direct SQL read. Compares what is served (name or URI and content hash, per item, and whether
 * the org is active), not bookkeeping such as revisions.
 */
final class Oracle {
    private Oracle() {}

    /** The differences, one line each; empty when the cache agrees with the database. */
    static List<String> differences(ConfigSnapshot db, ConfigCache cache) {
        List<String> problems = new ArrayList<>();
        Set<String> orgs = new TreeSet<>(db.organizations().keySet());
        Set<String> extra = new TreeSet<>(cache.orgIds());
        extra.removeAll(orgs);
        if (!extra.isEmpty()) {
            problems.add("the cache holds views of orgs the database no longer has: " + extra);
        }
        compare(Scopes.DEFAULTS, describe(db.defaultsView(0, Instant.EPOCH)), describe(cache.forOrg(Scopes.DEFAULTS)), problems);
        for (String org : orgs) {
            compare(org, describe(db.orgView(org, 0, Instant.EPOCH)), describe(cache.forOrg(org)), problems);
        }
        return problems;
    }

    /**
     * How one record of the views topic differs from the merge rule applied to the database (empty
     * if it serves the same); {@code key} is the record's key, an org id or {@code _defaults}.
     */
    static List<String> differences(ConfigSnapshot db, String key, io.mcpconfig.schemas.avro.OrgView record) {
        List<String> problems = new ArrayList<>();
        io.mcpconfig.schemas.avro.OrgView expected = Scopes.isDefaults(key) ? db.defaultsView(0, Instant.EPOCH)
                : db.organizations().containsKey(key) ? db.orgView(key, 0, Instant.EPOCH) : null;
        if (expected == null) {
            problems.add(key + ": a view of an org the database does not have");
        } else {
            List<String> actual = describe(record);
            if (!describe(expected).equals(actual)) {
                problems.add(key + ": expected " + describe(expected) + " but the record serves " + actual);
            }
        }
        return problems;
    }

    private static void compare(String org, List<String> expected, List<String> actual, List<String> problems) {
        if (!expected.equals(actual)) {
            problems.add(org + ": expected " + expected + " but the cache serves " + actual);
        }
    }

    private static List<String> describe(io.mcpconfig.schemas.avro.OrgView view) {
        List<String> items = new ArrayList<>();
        items.add("active=" + view.getActive());
        for (ViewPrompt p : view.getPrompts()) {
            items.add("prompt " + p.getName() + "#" + p.getContentHash());
        }
        for (ViewResource r : view.getResources()) {
            items.add("resource " + r.getUri() + "#" + r.getContentHash());
        }
        return items;
    }

    private static List<String> describe(OrgView view) {
        List<String> items = new ArrayList<>();
        items.add("active=" + view.active());
        for (Prompt p : view.prompts()) {
            items.add("prompt " + p.name() + "#" + p.contentHash());
        }
        for (Resource r : view.resources()) {
            items.add("resource " + r.uri() + "#" + r.contentHash());
        }
        return items;
    }
}
