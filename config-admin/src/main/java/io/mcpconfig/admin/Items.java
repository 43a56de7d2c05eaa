package io.mcpconfig.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prompts or resources (one instance per {@link Kind}) of the defaults or of one org. Thread-safe.
 * Writes: one transaction, attributed to the actor, optimistic ({@code ifVersion}: the {@link Item#version()}
 * the change is based on, 0 for "must not exist yet", null for no check), templates validated
 * against the effective arguments of every scope the write affects (refused with the line).
 */
public final class Items {
    private final Database db;
    private final Kind kind;

    Items(Database db, Kind kind) {
        this.db = db;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The scope's items, by key: for the defaults, the default rows; for an org, its effective items
     * (every default and every org-only item) with per-field provenance, served or not.
     *
     * @throws NotFoundException when the org does not exist
     */
    public List<Item> list(Scope scope) {
        return ItemStore.list(db, kind, scope);
    }

    /** @throws NotFoundException when neither the scope nor the defaults have the item */
    public Item get(Scope scope, String key) {
        return ItemStore.get(db, kind, scope, key);
    }

    /**
     * Sets fields (a partial update; absent fields keep their value, for an org: keep inheriting).
     * Creates the row if the scope has none (an override, or an org-only item if there is no default).
     * Values: JSON text for text fields, a boolean for {@code active}, an array of
     * {name, description, required} for {@code arguments}, base64 text for {@code blob}.
     *
     * @return the item after the write
     * @throws ConflictException when the row is not at {@code ifVersion}
     * @throws ValidationException for a bad field, value or template (every problem, with lines)
     */
    public Item set(Actor actor, Scope scope, String key, Map<String, JsonNode> fields, Long ifVersion) {
        return ItemStore.set(db, kind, actor, scope, key, fields, ifVersion);
    }

    /**
     * Returns org fields to the inherited value (the override's column becomes null). For the
     * defaults it empties an optional field (e.g. {@code title}); a required one is refused.
     */
    public Item unset(Actor actor, Scope scope, String key, Set<String> fields, Long ifVersion) {
        return ItemStore.unset(db, kind, actor, scope, key, fields, ifVersion);
    }

    /** Deletes the scope's row: an org's override (the org inherits again) or item, or a default. */
    public void delete(Actor actor, Scope scope, String key, Long ifVersion) {
        ItemStore.delete(db, kind, actor, scope, key, ifVersion);
    }

    /**
     * The impact of a planned change of the default {@code key}: how many organizations take at least one
     * of {@code fields} from the default (no override, or an override that leaves the field unset).
     */
    public int inheritors(String key, Set<String> fields) {
        return ItemStore.inheritors(db, kind, key, fields);
    }
}
