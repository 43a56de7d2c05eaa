package io.mcpconfig.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpconfig.admin.db.Rollback;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads config_history (the triggers' append-only record of every write); rollback via mcpconfig_rollback. */
final class HistoryStore {
    private HistoryStore() {}

    /** One history row: its metadata and the fields its row image sets (a delete: none). */
    private record Entry(long version, char op, String actor, java.time.Instant at, long txId, Map<String, JsonNode> fields) {}

    static List<ItemVersion> versions(Database db, Kind kind, Scope scope, String key) {
        return db.read(c -> {
            List<Entry> entries = entries(c, kind, scope, key);
            List<ItemVersion> versions = new ArrayList<>();
            Map<String, JsonNode> previous = Map.of();
            for (Entry e : entries) {
                versions.add(new ItemVersion(e.version(), e.op(), e.actor(), e.at(), e.txId(), changed(kind, previous, e.fields())));
                previous = e.fields();
            }
            return versions;
        });
    }

    static List<FieldChange> diff(Database db, Kind kind, Scope scope, String key, long from, long to) {
        return db.read(c -> {
            Map<String, JsonNode> a = at(entries(c, kind, scope, key), from, kind, scope, key);
            Map<String, JsonNode> b = at(entries(c, kind, scope, key), to, kind, scope, key);
            List<FieldChange> changes = new ArrayList<>();
            for (String f : kind.fields()) {
                if (!Fields.same(a.get(f), b.get(f))) {
                    changes.add(new FieldChange(f, a.get(f), b.get(f)));
                }
            }
            return changes;
        });
    }

    static Optional<Item> rollback(Database db, Actor actor, Kind kind, Scope scope, String key, long toVersion, Long ifVersion) {
        return db.write(actor, c -> {
            OrgStore.require(c, scope, true);
            Object row = ItemStore.row(c, kind, scope, key, true);
            ItemStore.checkVersion(c, kind, scope, key, ItemStore.version(row), ifVersion);
            Rollback.Table table = Rollback.Table.valueOf(Fields.table(kind, scope).toUpperCase(java.util.Locale.ROOT));
            try {
                Rollback.toVersion(c, table, scope.key(), key, toVersion, actor.name());
            } catch (SQLException e) {
                throw SqlErrors.about(e, scope, kind, key);
            }
            Validation.afterWrite(c, kind, scope, key);
            return ItemStore.row(c, kind, scope, key, false) == null ? Optional.empty()
                    : Optional.ofNullable(ItemStore.current(c, kind, scope, key, false));
        });
    }

    private static List<Entry> entries(Connection c, Kind kind, Scope scope, String key) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT version, op, actor, changed_at, tx_id, row_data::text AS row_data FROM config_history
                 WHERE table_name = ? AND scope = ? AND item_key = ? ORDER BY version""")) {
            st.setString(1, Fields.table(kind, scope));
            st.setString(2, scope.key());
            st.setString(3, key);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    char op = rs.getString("op").charAt(0);
                    entries.add(new Entry(rs.getLong("version"), op, rs.getString("actor"),
                            rs.getTimestamp("changed_at").toInstant(), rs.getLong("tx_id"),
                            op == 'D' ? Map.of() : fields(kind, scope, key, rs.getString("row_data"))));
                }
            }
        }
        if (entries.isEmpty()) {
            throw new NotFoundException(scope + " has no history for " + kind.label() + " '" + key + "'");
        }
        return entries;
    }

    private static Map<String, JsonNode> at(List<Entry> entries, long version, Kind kind, Scope scope, String key) {
        return entries.stream().filter(e -> e.version() == version).findFirst().map(Entry::fields)
                .orElseThrow(() -> new NotFoundException(scope + " " + kind.label() + " '" + key + "' has no version " + version
                        + " (versions " + entries.get(0).version() + " to " + entries.get(entries.size() - 1).version() + ")"));
    }

    private static List<String> changed(Kind kind, Map<String, JsonNode> before, Map<String, JsonNode> after) {
        List<String> changed = new ArrayList<>();
        for (String f : kind.fields()) {
            if (!Fields.same(before.get(f), after.get(f))) {
                changed.add(f);
            }
        }
        return changed;
    }

    /** A history row image (to_jsonb of the table row) as our fields. */
    private static Map<String, JsonNode> fields(Kind kind, Scope scope, String key, String rowData) {
        JsonNode row;
        try {
            row = Fields.JSON.readTree(rowData);
        } catch (IOException e) {
            throw new IllegalStateException("config_history row_data is not JSON", e);
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (String f : kind.fields()) {
            JsonNode v = row.get(Fields.column(kind, f));
            if (v == null || v.isNull()) {
                continue;
            }
            if (f.equals("blob")) {
                // to_jsonb renders bytea as "\x0a1b...".
                v = TextNode.valueOf(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(v.asText().substring(2))));
            }
            fields.put(f, Fields.canonical(scope, kind, key, f, v));
        }
        return fields;
    }
}
