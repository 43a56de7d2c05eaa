package io.mcpconfig.admin;

import io.mcpconfig.schemas.avro.OrganizationRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Organizations: reads with their override counts and last change, writes with version check. */
final class OrgStore {
    private static final String SUMMARY = """
            SELECT o.id, o.display_name, o.active, o.version,
                   (SELECT count(*) FROM organization_prompt p WHERE p.org_id = o.id)
                 + (SELECT count(*) FROM organization_resource r WHERE r.org_id = o.id) AS overrides,
                   h.changed_at, h.actor
              FROM organization o
              LEFT JOIN LATERAL (SELECT changed_at, actor FROM config_history
                                  WHERE scope = o.id ORDER BY id DESC LIMIT 1) h ON true
            """;

    private OrgStore() {}

    static List<Org> list(Database db, String search) {
        String pattern = search == null || search.isBlank() ? null
                : "%" + search.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.read(c -> {
            String sql = SUMMARY + (pattern == null ? "" : " WHERE lower(o.id) LIKE ? OR lower(o.display_name) LIKE ?") + " ORDER BY o.id";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                if (pattern != null) {
                    st.setString(1, pattern);
                    st.setString(2, pattern);
                }
                return summaries(st);
            }
        });
    }

    static Org get(Database db, String id) {
        return db.read(c -> summary(c, id));
    }

    static Org add(Database db, Actor actor, String id, String displayName) {
        Objects.requireNonNull(id, "id");
        return db.write(actor, c -> {
            if (Rows.org(c, id, true) != null) {
                Org current = summary(c, id);
                throw new ConflictException("org " + id, 0, current.version(), current);
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO organization (id, display_name) VALUES (?, ?)")) {
                st.setString(1, id);
                st.setString(2, displayName == null ? id : displayName);
                st.executeUpdate();
            } catch (SQLException e) {
                throw SqlErrors.about(e, Scope.org(id), null, null);
            }
            return summary(c, id);
        });
    }

    /** Changes the given attributes (null: keep); writes nothing when nothing differs. */
    static Org update(Database db, Actor actor, String id, String displayName, Boolean active, Long ifVersion) {
        return db.write(actor, c -> {
            update(c, id, displayName, active, ifVersion);
            return summary(c, id);
        });
    }

    static void remove(Database db, Actor actor, String id, Long ifVersion) {
        db.write(actor, c -> {
            remove(c, id, ifVersion);
            return null;
        });
    }

    // ---- inside a transaction ----

    /** The org row of an org scope (null for the defaults); {@code lock} keeps it from being removed meanwhile. */
    static OrganizationRow require(Connection c, Scope scope, boolean lock) throws SQLException {
        if (scope.isDefaults()) {
            return null;
        }
        OrganizationRow org = lock ? lockShared(c, scope.org()) : Rows.org(c, scope.org(), false);
        if (org == null) {
            throw new NotFoundException("there is no organization '" + scope.org() + "' (see: mcpconfig orgs list)");
        }
        return org;
    }

    /** @return true when it wrote */
    static boolean update(Connection c, String id, String displayName, Boolean active, Long ifVersion) throws SQLException {
        OrganizationRow row = Rows.org(c, id, true);
        if (row == null) {
            throw new NotFoundException("there is no organization '" + id + "'");
        }
        check(c, row, ifVersion);
        String name = displayName == null ? row.getDisplayName() : displayName;
        boolean on = active == null ? row.getActive() : active;
        if (name.equals(row.getDisplayName()) && on == row.getActive()) {
            return false;
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE organization SET display_name = ?, active = ? WHERE id = ?")) {
            st.setString(1, name);
            st.setBoolean(2, on);
            st.setString(3, id);
            st.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.about(e, Scope.org(id), null, null);
        }
        return true;
    }

    static void remove(Connection c, String id, Long ifVersion) throws SQLException {
        OrganizationRow row = Rows.org(c, id, true);
        if (row == null) {
            throw new NotFoundException("there is no organization '" + id + "'");
        }
        check(c, row, ifVersion);
        try (PreparedStatement st = c.prepareStatement("DELETE FROM organization WHERE id = ?")) {
            st.setString(1, id);
            st.executeUpdate();
        }
    }

    static Org summary(Connection c, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SUMMARY + " WHERE o.id = ?")) {
            st.setString(1, id);
            List<Org> orgs = summaries(st);
            if (orgs.isEmpty()) {
                throw new NotFoundException("there is no organization '" + id + "' (see: mcpconfig orgs list)");
            }
            return orgs.get(0);
        }
    }

    private static void check(Connection c, OrganizationRow row, Long ifVersion) throws SQLException {
        if (ifVersion != null && ifVersion != row.getVersion()) {
            throw new ConflictException("org " + row.getId(), ifVersion, row.getVersion(), summary(c, row.getId()));
        }
    }

    private static OrganizationRow lockShared(Connection c, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM organization WHERE id = ? FOR SHARE")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Rows.org(c, id, false) : null;
            }
        }
    }

    private static List<Org> summaries(PreparedStatement st) throws SQLException {
        List<Org> orgs = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Timestamp t = rs.getTimestamp("changed_at");
                orgs.add(new Org(rs.getString("id"), rs.getString("display_name"), rs.getBoolean("active"),
                        rs.getLong("version"), rs.getInt("overrides"), t == null ? null : t.toInstant(), rs.getString("actor")));
            }
        }
        return orgs;
    }
}
