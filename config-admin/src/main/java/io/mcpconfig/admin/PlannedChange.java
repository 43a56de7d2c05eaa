package io.mcpconfig.admin;

import java.util.List;

/**
 * One row an import creates, updates or deletes, field by field.
 *
 * @param kind null when the row is the organization itself
 * @param key  the item's key, or the org id when {@code kind} is null
 */
public record PlannedChange(Op op, Scope scope, Kind kind, String key, List<FieldChange> fields) {
    public enum Op { CREATE, UPDATE, DELETE }

    public PlannedChange {
        fields = List.copyOf(fields);
    }

    /** "create org acme: prompt code_review" style one-liner, fields not included. */
    @Override
    public String toString() {
        String what = kind == null ? "org " + key : scope + " " + kind.label() + " " + key;
        return op.name().toLowerCase(java.util.Locale.ROOT) + " " + what;
    }
}
