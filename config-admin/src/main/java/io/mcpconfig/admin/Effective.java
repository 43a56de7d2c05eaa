package io.mcpconfig.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpconfig.schemas.avro.OmittedItem;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import io.mcpconfig.schemas.merge.MergeRule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An item as a scope sees it. Whether it is served (and why not) is the merge rule's answer, asked
 * for this one item, never re-derived here; the per-field provenance is the same overlay read field by field.
 */
final class Effective {
    private Effective() {}

    static Item prompt(Scope scope, OrganizationRow org, String key, PromptRow d, PromptRow o) {
        OrgView view = scope.isDefaults()
                ? MergeRule.defaultsView(one(key, d), Map.of(), 0, Instant.EPOCH)
                : MergeRule.orgView(org, one(key, d), one(key, o), Map.of(), Map.of(), 0, Instant.EPOCH);
        boolean served = !view.getPrompts().isEmpty();
        PromptRow row = scope.isDefaults() ? d : o;
        return item(Kind.PROMPT, scope, key, d == null ? null : Fields.of(d), scope.isDefaults() || o == null ? null : Fields.of(o),
                row == null ? 0 : row.getVersion(), d == null ? null : d.getVersion(), served, omitted(view, org),
                row == null ? null : row.getUpdatedAt(), row == null ? null : row.getUpdatedBy());
    }

    static Item resource(Scope scope, OrganizationRow org, String key, ResourceRow d, ResourceRow o) {
        OrgView view = scope.isDefaults()
                ? MergeRule.defaultsView(Map.of(), one(key, d), 0, Instant.EPOCH)
                : MergeRule.orgView(org, Map.of(), Map.of(), one(key, d), one(key, o), 0, Instant.EPOCH);
        boolean served = !view.getResources().isEmpty();
        ResourceRow row = scope.isDefaults() ? d : o;
        return item(Kind.RESOURCE, scope, key, d == null ? null : Fields.of(d), scope.isDefaults() || o == null ? null : Fields.of(o),
                row == null ? 0 : row.getVersion(), d == null ? null : d.getVersion(), served, omitted(view, org),
                row == null ? null : row.getUpdatedAt(), row == null ? null : row.getUpdatedBy());
    }

    private static Item item(Kind kind, Scope scope, String key, Map<String, JsonNode> d, Map<String, JsonNode> o,
            long version, Long defaultVersion, boolean served, String omittedReason, Instant updatedAt, String updatedBy) {
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        // A prompt's body and a resource's content are one field each for the merge rule: an override
        // setting either half replaces both.
        boolean overrideSetsPair = o != null && kind.alternatives().stream().anyMatch(o::containsKey);
        for (String f : kind.fields()) {
            boolean fromOverride = o != null && (kind.alternatives().contains(f) ? overrideSetsPair : o.containsKey(f));
            JsonNode value;
            Provenance provenance;
            if (scope.isDefaults()) {
                value = d == null ? null : d.get(f);
                provenance = value == null ? Provenance.UNSET : Provenance.DEFAULT;
            } else if (fromOverride) {
                // Null only for the other half of an overridden content: the override emptied it.
                value = o.get(f);
                provenance = d == null ? Provenance.ORG_ONLY : Provenance.OVERRIDDEN;
            } else {
                value = d == null ? null : d.get(f);
                provenance = value == null ? Provenance.UNSET : Provenance.INHERITED;
            }
            fields.put(f, new FieldValue(value, provenance));
        }
        return new Item(kind, scope, key, version, defaultVersion, fields, served, omittedReason, updatedAt, updatedBy);
    }

    private static String omitted(OrgView view, OrganizationRow org) {
        if (org != null && !org.getActive()) {
            return "the organization is inactive: it serves nothing";
        }
        return view.getOmitted().stream().map(OmittedItem::getReason).findFirst().orElse(null);
    }

    private static <T> Map<String, T> one(String key, T row) {
        return row == null ? Map.of() : Map.of(key, row);
    }
}
