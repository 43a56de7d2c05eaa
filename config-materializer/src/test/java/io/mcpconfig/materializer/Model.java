package io.mcpconfig.materializer;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import io.mcpconfig.schemas.merge.MergeRule;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The test oracle: the rows the database would hold after the transactions sent, in plain maps,
 * and MergeRule applied to them. Independent of the topology's state.
 */
final class Model {
    final Map<String, PromptRow> defaultPrompts = new HashMap<>();
    final Map<String, ResourceRow> defaultResources = new HashMap<>();
    final Map<String, OrganizationRow> orgs = new TreeMap<>();
    final Map<String, Map<String, PromptRow>> prompts = new HashMap<>();
    final Map<String, Map<String, ResourceRow>> resources = new HashMap<>();

    void apply(List<ChangeEvent> events) {
        for (ChangeEvent e : events) {
            if (e.getOp() == ChangeOp.COMMIT) {
                continue;
            }
            boolean delete = e.getOp() == ChangeOp.DELETE;
            String s = e.getScope();
            switch (e.getTable()) {
                case ORGANIZATION -> {
                    if (delete) {
                        orgs.remove(s);
                        prompts.remove(s);
                        resources.remove(s);
                    } else {
                        orgs.put(s, (OrganizationRow) e.getAfter());
                    }
                }
                case DEFAULT_PROMPT -> put(defaultPrompts, e.getRowKey(), (PromptRow) e.getAfter(), delete);
                case DEFAULT_RESOURCE -> put(defaultResources, e.getRowKey(), (ResourceRow) e.getAfter(), delete);
                case ORGANIZATION_PROMPT -> put(prompts.computeIfAbsent(s, k -> new HashMap<>()), e.getRowKey(),
                        (PromptRow) e.getAfter(), delete);
                case ORGANIZATION_RESOURCE -> put(resources.computeIfAbsent(s, k -> new HashMap<>()), e.getRowKey(),
                        (ResourceRow) e.getAfter(), delete);
            }
        }
    }

    private static <T> void put(Map<String, T> m, String k, T v, boolean delete) {
        if (delete) {
            m.remove(k);
        } else {
            m.put(k, v);
        }
    }

    /** Expected view per key, revision and updatedAt zeroed (see {@link #content}). */
    Map<String, OrgView> expected() {
        Map<String, OrgView> out = new TreeMap<>();
        out.put(Scopes.DEFAULTS, content(MergeRule.defaultsView(defaultPrompts, defaultResources, 0, Instant.EPOCH)));
        orgs.forEach((id, row) -> out.put(id, content(MergeRule.orgView(row, defaultPrompts,
                prompts.getOrDefault(id, Map.of()), defaultResources, resources.getOrDefault(id, Map.of()), 0, Instant.EPOCH))));
        return out;
    }

    /**
     * What a client serves from a view: without revision, updatedAt and the items' row versions. A
     * default change that leaves an org's content alone (it overrides the item fully) is not
     * re-emitted, so that org's view keeps the default's older version and revision; and revision
     * depends on whether such a change was applied before or after the org's own last transaction.
     */
    static OrgView content(OrgView v) {
        OrgView c = OrgView.newBuilder(v).setRevision(0).setUpdatedAt(Instant.EPOCH).build();
        c.getPrompts().replaceAll(p -> io.mcpconfig.schemas.avro.ViewPrompt.newBuilder(p)
                .setDefaultVersion(null).setOverrideVersion(null).build());
        c.getResources().replaceAll(r -> io.mcpconfig.schemas.avro.ViewResource.newBuilder(r)
                .setDefaultVersion(null).setOverrideVersion(null).build());
        return c;
    }

    static Map<String, OrgView> content(Map<String, OrgView> views) {
        Map<String, OrgView> out = new TreeMap<>();
        views.forEach((k, v) -> out.put(k, content(v)));
        return out;
    }
}
