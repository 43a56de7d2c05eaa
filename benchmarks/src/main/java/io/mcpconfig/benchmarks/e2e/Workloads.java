package io.mcpconfig.benchmarks.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** The writes the benchmark makes, as plain SQL. */
final class Workloads {
    private Workloads() {}

    static String org(int i) {
        return String.format("bench-%05d", i);
    }

    /** {@code count} organizations; every tenth overrides code_review, so the default's fan-out skips it. */
    static void createOrgs(Connection c, int count) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO organization (id, display_name) SELECT 'bench-' || lpad(g::text, 5, '0'), 'Bench ' || g "
                    + "FROM generate_series(0, " + (count - 1) + ") g");
            st.execute("INSERT INTO organization_prompt (org_id, name, template) SELECT 'bench-' || lpad(g::text, 5, '0'), "
                    + "'code_review', 'own review {{code}}' FROM generate_series(0, " + (count - 1) + ", 10) g");
        }
    }

    /** Sets {@code org}'s own code_review template (autocommit); returns System.nanoTime() right after the commit. */
    static long setTemplate(PreparedStatement upsert, String org, String template) throws SQLException {
        upsert.setString(1, org);
        upsert.setString(2, template);
        upsert.executeUpdate();
        return System.nanoTime();
    }

    static PreparedStatement upsertTemplate(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO organization_prompt (org_id, name, template) VALUES (?, 'code_review', ?) "
                + "ON CONFLICT (org_id, name) DO UPDATE SET template = EXCLUDED.template");
    }

    /** Changes a default no org overrides (summarize_document); returns System.nanoTime() right after the commit. */
    static long changeDefault(Connection c, String template) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE default_prompt SET template = ? WHERE name = 'summarize_document'")) {
            st.setString(1, template);
            st.executeUpdate();
        }
        return System.nanoTime();
    }

    /**
     * Deletes every default but summarize_document (the fan-out's) and the demo orgs' overrides, so views
     * hold one or two prompts (~0.3 KB) instead of the demo defaults (~6 KB). Call before creating orgs.
     */
    static void keepOneDefault(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM organization_prompt");
            st.execute("DELETE FROM organization_resource");
            st.execute("DELETE FROM default_prompt WHERE name <> 'summarize_document'");
            st.execute("DELETE FROM default_resource");
        }
    }
}
