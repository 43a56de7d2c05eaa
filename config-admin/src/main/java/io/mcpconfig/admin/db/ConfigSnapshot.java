package io.mcpconfig.admin.db;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import io.mcpconfig.schemas.merge.MergeRule;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the config tables hold, read directly with SQL in one consistent snapshot: the test
 * oracle ("every client's view equals the merge rule applied to a direct SQL read") and a tool for
 * ops. Not for MCP servers, which never read the database.
 */
public record ConfigSnapshot(
        Map<String, OrganizationRow> organizations,
        Map<String, PromptRow> defaultPrompts,
        Map<String, ResourceRow> defaultResources,
        Map<String, Map<String, PromptRow>> orgPrompts,
        Map<String, Map<String, ResourceRow>> orgResources) {

    /** Reads all config tables in one REPEATABLE READ transaction. */
    public static ConfigSnapshot read(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement st = connection.createStatement()) {
            Map<String, OrganizationRow> orgs = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("SELECT * FROM organization")) {
                while (rs.next()) {
                    orgs.put(rs.getString("id"), new OrganizationRow(rs.getString("id"), rs.getString("display_name"),
                            rs.getBoolean("active"), rs.getLong("version"), instant(rs), rs.getString("updated_by")));
                }
            }
            Map<String, Map<String, PromptRow>> prompts = new HashMap<>();
            try (ResultSet rs = st.executeQuery(
                    "SELECT NULL AS org_id, " + ConfigRows.PROMPT_COLUMNS + " FROM default_prompt "
                    + "UNION ALL SELECT org_id, " + ConfigRows.PROMPT_COLUMNS + " FROM organization_prompt")) {
                while (rs.next()) {
                    PromptRow row = ConfigRows.prompt(rs, rs.getString("org_id"));
                    prompts.computeIfAbsent(scope(row.getOrgId()), k -> new TreeMap<>()).put(row.getName(), row);
                }
            }
            Map<String, Map<String, ResourceRow>> resources = new HashMap<>();
            try (ResultSet rs = st.executeQuery(
                    "SELECT NULL AS org_id, " + ConfigRows.RESOURCE_COLUMNS + " FROM default_resource "
                    + "UNION ALL SELECT org_id, " + ConfigRows.RESOURCE_COLUMNS + " FROM organization_resource")) {
                while (rs.next()) {
                    ResourceRow row = ConfigRows.resource(rs, rs.getString("org_id"));
                    resources.computeIfAbsent(scope(row.getOrgId()), k -> new TreeMap<>()).put(row.getUri(), row);
                }
            }
            connection.commit();
            Map<String, PromptRow> defaultPrompts = prompts.getOrDefault(Scopes.DEFAULTS, Map.of());
            Map<String, ResourceRow> defaultResources = resources.getOrDefault(Scopes.DEFAULTS, Map.of());
            prompts.remove(Scopes.DEFAULTS);
            resources.remove(Scopes.DEFAULTS);
            return new ConfigSnapshot(orgs, defaultPrompts, defaultResources, prompts, resources);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The defaults-only view by the merge rule (revision and time are the caller's). */
    public OrgView defaultsView(long revision, Instant updatedAt) {
        return MergeRule.defaultsView(defaultPrompts, defaultResources, revision, updatedAt);
    }

    /** Org {@code orgId}'s view by the merge rule, or null when the org does not exist (its view is a tombstone). */
    public OrgView orgView(String orgId, long revision, Instant updatedAt) {
        OrganizationRow org = organizations.get(orgId);
        if (org == null) {
            return null;
        }
        return MergeRule.orgView(org, defaultPrompts, orgPrompts.getOrDefault(orgId, Map.of()),
                defaultResources, orgResources.getOrDefault(orgId, Map.of()), revision, updatedAt);
    }

    private static String scope(String orgId) {
        return orgId == null ? Scopes.DEFAULTS : orgId;
    }

    private static Instant instant(ResultSet rs) throws SQLException {
        Timestamp t = rs.getTimestamp("updated_at");
        return t == null ? null : t.toInstant();
    }
}
