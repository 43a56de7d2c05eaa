package io.mcpconfig.admin.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.OptionalLong;

/**
 * Restores an earlier version of a default or an override as a new version (SQL function
 * {@code mcpconfig_rollback}); history is never rewritten.
 */
public final class Rollback {
    private Rollback() {}

    /** Which table a rolled-back item lives in. */
    public enum Table {
        DEFAULT_PROMPT("default_prompt"),
        DEFAULT_RESOURCE("default_resource"),
        ORGANIZATION_PROMPT("organization_prompt"),
        ORGANIZATION_RESOURCE("organization_resource");

        final String sqlName;

        Table(String sqlName) {
            this.sqlName = sqlName;
        }
    }

    /**
     * Writes version {@code version} of the item back as its newest version, attributed to
     * {@code actor}. {@code scope} is the org id, or {@code _defaults} for a default.
     *
     * @return the item's new version, or empty when the version rolled back to was a delete
     *     (the item is deleted again)
     * @throws SQLException naming the problem, e.g. when no such version exists
     */
    public static OptionalLong toVersion(Connection connection, Table table, String scope, String key,
            long version, String actor) throws SQLException {
        try (CallableStatement call = connection.prepareCall("{? = call mcpconfig_rollback(?, ?, ?, ?, ?)}")) {
            call.registerOutParameter(1, Types.BIGINT);
            call.setString(2, table.sqlName);
            call.setString(3, scope);
            call.setString(4, key);
            call.setLong(5, version);
            call.setString(6, actor);
            call.execute();
            long newVersion = call.getLong(1);
            return call.wasNull() ? OptionalLong.empty() : OptionalLong.of(newVersion);
        }
    }
}
