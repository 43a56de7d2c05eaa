package io.mcpconfig.admin.stream;

import io.mcpconfig.admin.db.ConfigRows;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.ConfigTable;
import io.mcpconfig.schemas.avro.OrganizationRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows of {@code config_history} with their row image as the Avro row the publisher makes of the
 * same row ({@code jsonb_populate_record} back into the table's row type, then {@link ConfigRows}),
 * so a history row and its change event compare field by field.
 */
final class HistoryRows {
    /** One history row; {@code row} is the image (a delete: the row as it was), updatedAt cut to millis like Avro's. */
    record Entry(ConfigTable table, String scope, String key, long version, ChangeOp op, String actor,
                 Instant changedAt, Object row) {
        Key id() {
            return new Key(table, scope, key, version);
        }
    }

    /** What identifies a row change in both the history and the stream. */
    record Key(ConfigTable table, String scope, String key, long version) {
        @Override
        public String toString() {
            return table.name().toLowerCase(Locale.ROOT) + " " + scope + "/" + key + " v" + version;
        }
    }

    private HistoryRows() {}

    /** Every history row changed at or after {@code since} (null: all). */
    static List<Entry> since(Connection db, Instant since) throws SQLException {
        List<Entry> out = new ArrayList<>();
        for (ConfigTable t : ConfigTable.values()) {
            String sql = select(t) + (since == null ? "" : " AND h.changed_at >= ?") + " ORDER BY h.id";
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                if (since != null) {
                    ps.setTimestamp(1, Timestamp.from(since));
                }
                read(t, ps, out);
            }
        }
        return out;
    }

    /** The history row of one row change, or null if the history has none. */
    static Entry find(Connection db, Key key) throws SQLException {
        String sql = select(key.table()) + " AND h.scope = ? AND h.item_key = ? AND h.version = ?";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, key.scope());
            ps.setString(2, key.key());
            ps.setLong(3, key.version());
            List<Entry> found = new ArrayList<>();
            read(key.table(), ps, found);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    private static String select(ConfigTable t) {
        String table = t.name().toLowerCase(Locale.ROOT);
        String columns = switch (t) {
            case ORGANIZATION -> "r.id, r.display_name, r.active, r.version, r.updated_at, r.updated_by";
            case DEFAULT_PROMPT, ORGANIZATION_PROMPT -> prefixed(ConfigRows.PROMPT_COLUMNS);
            case DEFAULT_RESOURCE, ORGANIZATION_RESOURCE -> prefixed(ConfigRows.RESOURCE_COLUMNS);
        };
        return "SELECT h.scope AS h_scope, h.item_key AS h_key, h.version AS h_version, h.op AS h_op, h.actor AS h_actor, "
                + "h.changed_at AS h_changed_at, " + columns
                + " FROM config_history h CROSS JOIN LATERAL jsonb_populate_record(NULL::" + table + ", h.row_data) r"
                + " WHERE h.table_name = '" + table + "'";
    }

    /** {@code a, b::text AS b} -> {@code r.a, r.b::text AS b}. */
    private static String prefixed(String columns) {
        List<String> out = new ArrayList<>();
        for (String c : columns.split(",")) {
            out.add("r." + c.trim());
        }
        return String.join(", ", out);
    }

    private static void read(ConfigTable t, PreparedStatement ps, List<Entry> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String scope = rs.getString("h_scope");
                String orgId = scope.equals(io.mcpconfig.schemas.Scopes.DEFAULTS) ? null : scope;
                Object row = switch (t) {
                    case ORGANIZATION -> new OrganizationRow(rs.getString("id"), rs.getString("display_name"),
                            rs.getBoolean("active"), rs.getLong("version"), millis(rs.getTimestamp("updated_at")),
                            rs.getString("updated_by"));
                    case DEFAULT_PROMPT, ORGANIZATION_PROMPT -> {
                        var p = ConfigRows.prompt(rs, orgId);
                        p.setUpdatedAt(cut(p.getUpdatedAt()));
                        yield p;
                    }
                    case DEFAULT_RESOURCE, ORGANIZATION_RESOURCE -> {
                        var r = ConfigRows.resource(rs, orgId);
                        r.setUpdatedAt(cut(r.getUpdatedAt()));
                        yield r;
                    }
                };
                ChangeOp op = switch (rs.getString("h_op")) {
                    case "I" -> ChangeOp.INSERT;
                    case "D" -> ChangeOp.DELETE;
                    default -> ChangeOp.UPDATE;
                };
                out.add(new Entry(t, scope, rs.getString("h_key"), rs.getLong("h_version"), op, rs.getString("h_actor"),
                        rs.getTimestamp("h_changed_at").toInstant(), row));
            }
        }
    }

    private static Instant millis(Timestamp t) {
        return t == null ? null : cut(t.toInstant());
    }

    private static Instant cut(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MILLIS);
    }
}
