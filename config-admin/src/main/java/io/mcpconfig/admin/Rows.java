package io.mcpconfig.admin;

import io.mcpconfig.admin.db.ConfigRows;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows of one scope read inside the caller's transaction (never committing it, unlike
 * {@code ConfigSnapshot.read}), as the Avro rows the merge rule takes. {@code forUpdate} locks them,
 * so a write's version check and its write see the same row.
 */
final class Rows {
    private Rows() {}

    static OrganizationRow org(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM organization WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? org(rs) : null;
            }
        }
    }

    static Map<String, OrganizationRow> orgs(Connection c) throws SQLException {
        Map<String, OrganizationRow> orgs = new TreeMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM organization ORDER BY id");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                orgs.put(rs.getString("id"), org(rs));
            }
        }
        return orgs;
    }

    /** The scope's prompt rows by name; {@code key} null for all of them. */
    static Map<String, PromptRow> prompts(Connection c, Scope scope, String key, boolean forUpdate) throws SQLException {
        Map<String, PromptRow> rows = new TreeMap<>();
        try (PreparedStatement st = select(c, Kind.PROMPT, ConfigRows.PROMPT_COLUMNS, scope, key, forUpdate);
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                PromptRow row = ConfigRows.prompt(rs, scope.org());
                rows.put(row.getName(), row);
            }
        }
        return rows;
    }

    static Map<String, ResourceRow> resources(Connection c, Scope scope, String key, boolean forUpdate) throws SQLException {
        Map<String, ResourceRow> rows = new TreeMap<>();
        try (PreparedStatement st = select(c, Kind.RESOURCE, ConfigRows.RESOURCE_COLUMNS, scope, key, forUpdate);
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                ResourceRow row = ConfigRows.resource(rs, scope.org());
                rows.put(row.getUri(), row);
            }
        }
        return rows;
    }

    /** Either kind's rows of a scope. */
    static Map<String, ? extends Object> of(Connection c, Kind kind, Scope scope, String key, boolean forUpdate) throws SQLException {
        return kind == Kind.PROMPT ? prompts(c, scope, key, forUpdate) : resources(c, scope, key, forUpdate);
    }

    private static PreparedStatement select(Connection c, Kind kind, String columns, Scope scope, String key, boolean forUpdate)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(Fields.table(kind, scope));
        String keyColumn = Fields.keyColumn(kind);
        sql.append(scope.isDefaults() ? " WHERE true" : " WHERE org_id = ?");
        if (key != null) {
            sql.append(" AND ").append(keyColumn).append(" = ?");
        }
        sql.append(" ORDER BY ").append(keyColumn);
        if (forUpdate) {
            sql.append(" FOR UPDATE");
        }
        PreparedStatement st = c.prepareStatement(sql.toString());
        int i = 1;
        if (!scope.isDefaults()) {
            st.setString(i++, scope.org());
        }
        if (key != null) {
            st.setString(i, key);
        }
        return st;
    }

    private static OrganizationRow org(ResultSet rs) throws SQLException {
        Timestamp t = rs.getTimestamp("updated_at");
        return new OrganizationRow(rs.getString("id"), rs.getString("display_name"), rs.getBoolean("active"),
                rs.getLong("version"), t == null ? null : t.toInstant(), rs.getString("updated_by"));
    }
}
