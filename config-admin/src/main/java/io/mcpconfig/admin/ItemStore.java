package io.mcpconfig.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Prompts and resources of the defaults and of orgs: reads, and writes with version check and validation. */
final class ItemStore {
    private ItemStore() {}

    static List<Item> list(Database db, Kind kind, Scope scope) {
        return db.read(c -> list(c, kind, scope, OrgStore.require(c, scope, false)));
    }

    /** The org (for an org scope) and both kinds' items in one read: what a scope's page shows. */
    static ScopeContents contents(Database db, Scope scope) {
        return db.read(c -> {
            OrganizationRow org = OrgStore.require(c, scope, false);
            return new ScopeContents(scope.isDefaults() ? null : OrgStore.summary(c, scope.org()),
                    list(c, Kind.PROMPT, scope, org), list(c, Kind.RESOURCE, scope, org));
        });
    }

    private static List<Item> list(Connection c, Kind kind, Scope scope, OrganizationRow org) throws SQLException {
        Map<String, ?> defaults = Rows.of(c, kind, Scope.DEFAULTS, null, false);
        Map<String, ?> own = scope.isDefaults() ? Map.of() : Rows.of(c, kind, scope, null, false);
        Set<String> keys = new TreeSet<>(defaults.keySet());
        keys.addAll(own.keySet());
        List<Item> items = new ArrayList<>();
        for (String key : keys) {
            items.add(effective(kind, scope, org, key, defaults.get(key), own.get(key)));
        }
        return items;
    }

    static Item get(Database db, Kind kind, Scope scope, String key) {
        return db.read(c -> {
            Item item = current(c, kind, scope, key, false);
            if (item == null) {
                throw new NotFoundException(scope + " has no " + kind.label() + " '" + key + "' (and there is no default of that name)");
            }
            return item;
        });
    }

    static Item set(Database db, Kind kind, Actor actor, Scope scope, String key, Map<String, JsonNode> fields, Long ifVersion) {
        Map<String, JsonNode> wanted = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
            try {
                wanted.put(e.getKey(), Fields.canonical(scope, kind, key, e.getKey(), e.getValue()));
            } catch (ValidationException v) {
                problems.addAll(v.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return db.write(actor, c -> {
            writeRow(c, kind, scope, key, wanted, ifVersion, false);
            return current(c, kind, scope, key, false);
        });
    }

    static Item unset(Database db, Kind kind, Actor actor, Scope scope, String key, Set<String> fields, Long ifVersion) {
        Map<String, JsonNode> cleared = new LinkedHashMap<>();
        for (String f : fields) {
            cleared.put(kind.requireField(f), null);
        }
        return db.write(actor, c -> {
            if (row(c, kind, scope, key, true) == null) {
                throw new NotFoundException(scope + " has no " + kind.label() + " row '" + key + "' to unset fields of");
            }
            writeRow(c, kind, scope, key, cleared, ifVersion, false);
            return current(c, kind, scope, key, false);
        });
    }

    static void delete(Database db, Kind kind, Actor actor, Scope scope, String key, Long ifVersion) {
        db.write(actor, c -> {
            OrgStore.require(c, scope, false);
            Object row = row(c, kind, scope, key, true);
            if (row == null) {
                throw new NotFoundException(scope + " has no " + kind.label() + " row '" + key + "' to delete");
            }
            checkVersion(c, kind, scope, key, version(row), ifVersion);
            deleteRow(c, kind, scope, key);
            Validation.afterWrite(c, kind, scope, key);
            return null;
        });
    }

    static int inheritors(Database db, Kind kind, String key, Set<String> fields) {
        List<String> conditions = new ArrayList<>();
        for (String f : fields) {
            kind.requireField(f);
            conditions.add(kind.alternatives().contains(f)
                    ? "(" + String.join(" AND ", kind.alternatives().stream().filter(kind.fields()::contains)
                            .map(a -> "r." + Fields.column(kind, a) + " IS NULL").toList()) + ")"
                    : "r." + Fields.column(kind, f) + " IS NULL");
        }
        String table = Fields.table(kind, Scope.org("x"));
        String sql = "SELECT count(*) FROM organization o LEFT JOIN " + table + " r ON r.org_id = o.id AND r."
                + Fields.keyColumn(kind) + " = ? WHERE r.org_id IS NULL"
                + (conditions.isEmpty() ? "" : " OR " + String.join(" OR ", conditions));
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    // ---- inside a transaction (also used by import and rollback) ----

    /** The item as the scope sees it, or null when neither the scope nor the defaults have it. */
    static Item current(Connection c, Kind kind, Scope scope, String key, boolean forUpdate) throws SQLException {
        OrganizationRow org = OrgStore.require(c, scope, false);
        Object d = Rows.of(c, kind, Scope.DEFAULTS, key, forUpdate && scope.isDefaults()).get(key);
        Object o = scope.isDefaults() ? null : Rows.of(c, kind, scope, key, forUpdate).get(key);
        return d == null && o == null ? null : effective(kind, scope, org, key, d, o);
    }

    /** The scope's own row (Avro PromptRow or ResourceRow), or null. */
    static Object row(Connection c, Kind kind, Scope scope, String key, boolean forUpdate) throws SQLException {
        return Rows.of(c, kind, scope, key, forUpdate).get(key);
    }

    static long version(Object row) {
        return row == null ? 0 : row instanceof PromptRow p ? p.getVersion() : ((ResourceRow) row).getVersion();
    }

    static Map<String, JsonNode> fieldsOf(Object row) {
        return row == null ? Map.of() : row instanceof PromptRow p ? Fields.of(p) : Fields.of((ResourceRow) row);
    }

    /**
     * Writes {@code wanted} (null values clear a column) into the scope's row, creating it if absent;
     * skips the write when nothing differs (no new version). Validates the templates it affects.
     *
     * @param replace the row becomes exactly {@code wanted} (fields not named are cleared), as an import wants
     * @return the fields that changed, before and after
     */
    static List<FieldChange> writeRow(Connection c, Kind kind, Scope scope, String key, Map<String, JsonNode> wanted,
            Long ifVersion, boolean replace) throws SQLException {
        List<FieldChange> changes = writeRowUnchecked(c, kind, scope, key, wanted, ifVersion, replace);
        if (changes != null) {
            Validation.afterWrite(c, kind, scope, key);
        }
        return changes == null ? List.of() : changes;
    }

    /** {@link #writeRow} without the template check (an import checks every scope once, at the end); null: nothing written. */
    static List<FieldChange> writeRowUnchecked(Connection c, Kind kind, Scope scope, String key, Map<String, JsonNode> wanted,
            Long ifVersion, boolean replace) throws SQLException {
        OrgStore.require(c, scope, true);
        Object row = row(c, kind, scope, key, true);
        checkVersion(c, kind, scope, key, version(row), ifVersion);
        Map<String, JsonNode> before = fieldsOf(row);
        Map<String, JsonNode> after = new LinkedHashMap<>(replace ? Map.of() : before);
        wanted.forEach((f, v) -> {
            if (v == null) {
                after.remove(f);
            } else {
                after.put(f, v);
                // Text or blob, template or messages: setting one clears the other, as the tables allow only one.
                if (kind.alternatives().contains(f)) {
                    kind.alternatives().stream().filter(other -> !other.equals(f)).forEach(after::remove);
                }
            }
        });
        List<FieldChange> changes = new ArrayList<>();
        for (String f : kind.fields()) {
            if (!Fields.same(before.get(f), after.get(f))) {
                changes.add(new FieldChange(f, before.get(f), after.get(f)));
            }
        }
        try {
            if (row == null) {
                insert(c, kind, scope, key, after);
            } else if (!changes.isEmpty()) {
                update(c, kind, scope, key, changes);
            }
        } catch (SQLException e) {
            throw SqlErrors.about(e, scope, kind, key);
        }
        return row == null || !changes.isEmpty() ? changes : null;
    }

    static void deleteRow(Connection c, Kind kind, Scope scope, String key) throws SQLException {
        String sql = "DELETE FROM " + Fields.table(kind, scope) + " WHERE " + Fields.keyColumn(kind) + " = ?"
                + (scope.isDefaults() ? "" : " AND org_id = ?");
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, key);
            if (!scope.isDefaults()) {
                st.setString(2, scope.org());
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.about(e, scope, kind, key);
        }
    }

    static void checkVersion(Connection c, Kind kind, Scope scope, String key, long version, Long ifVersion) throws SQLException {
        if (ifVersion != null && ifVersion != version) {
            throw new ConflictException(scope + " " + kind.label() + " '" + key + "'", ifVersion, version,
                    current(c, kind, scope, key, false));
        }
    }

    private static void insert(Connection c, Kind kind, Scope scope, String key, Map<String, JsonNode> fields) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        if (!scope.isDefaults()) {
            columns.add("org_id");
            marks.add("?");
        }
        columns.add(Fields.keyColumn(kind));
        marks.add("?");
        fields.keySet().forEach(f -> {
            columns.add(Fields.column(kind, f));
            marks.add(Fields.placeholder(f));
        });
        String sql = "INSERT INTO " + Fields.table(kind, scope) + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", marks) + ")";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            if (!scope.isDefaults()) {
                st.setString(i++, scope.org());
            }
            st.setString(i++, key);
            for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
                Fields.bind(st, i++, e.getKey(), e.getValue());
            }
            st.executeUpdate();
        }
    }

    private static void update(Connection c, Kind kind, Scope scope, String key, List<FieldChange> changes) throws SQLException {
        List<String> sets = new ArrayList<>();
        changes.forEach(ch -> sets.add(Fields.column(kind, ch.field()) + " = " + Fields.placeholder(ch.field())));
        String sql = "UPDATE " + Fields.table(kind, scope) + " SET " + String.join(", ", sets) + " WHERE "
                + Fields.keyColumn(kind) + " = ?" + (scope.isDefaults() ? "" : " AND org_id = ?");
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            for (FieldChange ch : changes) {
                Fields.bind(st, i++, ch.field(), ch.after());
            }
            st.setString(i++, key);
            if (!scope.isDefaults()) {
                st.setString(i, scope.org());
            }
            st.executeUpdate();
        }
    }

    private static Item effective(Kind kind, Scope scope, OrganizationRow org, String key, Object d, Object o) {
        return kind == Kind.PROMPT
                ? Effective.prompt(scope, org, key, (PromptRow) d, (PromptRow) o)
                : Effective.resource(scope, org, key, (ResourceRow) d, (ResourceRow) o);
    }
}
