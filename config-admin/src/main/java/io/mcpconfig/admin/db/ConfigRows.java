package io.mcpconfig.admin.db;

import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Config rows read with SQL, as the Avro rows the merge rule takes. The queries must select the
 * columns below by name; {@code org_id} may be selected as NULL for the default tables.
 */
public final class ConfigRows {
    /** The columns {@link #prompt} reads, for a {@code SELECT} of default_prompt or organization_prompt. */
    public static final String PROMPT_COLUMNS =
            "name, title, description, template, arguments::text AS arguments, messages::text AS messages, active, version, "
                    + "updated_at, updated_by";
    /** The columns {@link #resource} reads. */
    public static final String RESOURCE_COLUMNS =
            "uri, name, title, description, mime_type, content_text, content_blob, active, version, updated_at, updated_by";

    private ConfigRows() {}

    /** The prompt row at the result set's cursor; {@code orgId} null for a default. */
    public static PromptRow prompt(ResultSet rs, String orgId) throws SQLException {
        return new PromptRow(orgId, rs.getString("name"), rs.getString("title"), rs.getString("description"),
                rs.getString("template"), PromptArguments.parse(rs.getString("arguments")),
                PromptMessages.parse(rs.getString("messages")), (Boolean) rs.getObject("active"),
                rs.getLong("version"), updatedAt(rs), rs.getString("updated_by"));
    }

    /** The resource row at the result set's cursor; {@code orgId} null for a default. */
    public static ResourceRow resource(ResultSet rs, String orgId) throws SQLException {
        byte[] blob = rs.getBytes("content_blob");
        return new ResourceRow(orgId, rs.getString("uri"), rs.getString("name"), rs.getString("title"),
                rs.getString("description"), rs.getString("mime_type"), rs.getString("content_text"),
                blob == null ? null : ByteBuffer.wrap(blob), (Boolean) rs.getObject("active"), rs.getLong("version"),
                updatedAt(rs), rs.getString("updated_by"));
    }

    private static Instant updatedAt(ResultSet rs) throws SQLException {
        Timestamp t = rs.getTimestamp("updated_at");
        return t == null ? null : t.toInstant();
    }
}
