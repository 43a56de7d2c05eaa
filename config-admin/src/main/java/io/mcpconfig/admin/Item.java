package io.mcpconfig.admin;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A prompt or resource as one scope sees it: for the defaults, the default row; for an org, the
 * effective item (override overlaid on the default, by the merge rule) with per-field provenance.
 *
 * @param version       the version of the row in this scope (the override's for an org, the default's
 *                      for the defaults); 0 when the scope has no row (an org inheriting the item whole).
 *                      Writes name it as {@code ifVersion}.
 * @param defaultVersion the default row's version, or null when there is no default item
 * @param fields        every field of {@link Kind#fields()}, in that order
 * @param served        whether the org's MCP clients are served this item (active and complete)
 * @param omittedReason why an active item is not served (incomplete), else null
 * @param updatedAt     when this scope's row last changed (null without a row)
 * @param updatedBy     who changed it (null without a row)
 */
public record Item(Kind kind, Scope scope, String key, long version, Long defaultVersion,
                   Map<String, FieldValue> fields, boolean served, String omittedReason,
                   Instant updatedAt, String updatedBy) {
    public Item {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    /** The field's effective value and provenance. */
    public FieldValue field(String name) {
        return fields.get(kind.requireField(name));
    }

    /** Whether this scope has a row of its own (an override, an org-only item, or the default itself). */
    public boolean hasRow() {
        return version > 0;
    }
}
