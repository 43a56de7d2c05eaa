package io.mcpconfig.benchmarks.baseline;

import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import io.mcpconfig.admin.db.ConfigRows;
import io.mcpconfig.schemas.merge.MergeRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.atomic.LongAdder;

/**
 * How an MCP server reads an org's config the old way: straight from PostgreSQL, merged with the
 * same {@link MergeRule}. Defaults (2 queries) and an org's rows (3 queries) are loaded separately,
 * so a fair read-through cache can keep the defaults once. Counts every query it runs.
 * Not thread-safe: one loader per simulated server and connection.
 */
final class SqlViewLoader {
    record Defaults(Map<String, PromptRow> prompts, Map<String, ResourceRow> resources) {}

    private final Connection connection;
    private final LongAdder queries;

    SqlViewLoader(Connection connection, LongAdder queries) {
        this.connection = connection;
        this.queries = queries;
    }

    Defaults loadDefaults() throws SQLException {
        return new Defaults(prompts("SELECT " + ConfigRows.PROMPT_COLUMNS + " FROM default_prompt", null),
                resources("SELECT " + ConfigRows.RESOURCE_COLUMNS + " FROM default_resource", null));
    }

    /** The org's view, or null when the org does not exist. */
    OrgView loadOrg(String orgId, Defaults defaults) throws SQLException {
        OrganizationRow org;
        try (PreparedStatement st = connection.prepareStatement("SELECT id, display_name, active, version FROM organization WHERE id = ?")) {
            st.setString(1, orgId);
            queries.increment();
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                org = new OrganizationRow(orgId, rs.getString(2), rs.getBoolean(3), rs.getLong(4), Instant.EPOCH, null);
            }
        }
        return MergeRule.orgView(org, defaults.prompts(),
                prompts("SELECT " + ConfigRows.PROMPT_COLUMNS + " FROM organization_prompt WHERE org_id = ?", orgId), defaults.resources(),
                resources("SELECT " + ConfigRows.RESOURCE_COLUMNS + " FROM organization_resource WHERE org_id = ?", orgId), 0, Instant.EPOCH);
    }

    OrgView defaultsView(Defaults defaults) {
        return MergeRule.defaultsView(defaults.prompts(), defaults.resources(), 0, Instant.EPOCH);
    }

    private Map<String, PromptRow> prompts(String sql, String orgId) throws SQLException {
        return query(sql, orgId, rs -> ConfigRows.prompt(rs, orgId), PromptRow::getName);
    }

    private Map<String, ResourceRow> resources(String sql, String orgId) throws SQLException {
        return query(sql, orgId, rs -> ConfigRows.resource(rs, orgId), ResourceRow::getUri);
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs one counted query (bound to {@code orgId} when given) and keys its rows. */
    private <T> Map<String, T> query(String sql, String orgId, RowMapper<T> mapper, Function<T, String> key)
            throws SQLException {
        Map<String, T> rows = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            if (orgId != null) {
                st.setString(1, orgId);
            }
            queries.increment();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    T row = mapper.map(rs);
                    rows.put(key.apply(row), row);
                }
            }
        }
        return rows;
    }
}
