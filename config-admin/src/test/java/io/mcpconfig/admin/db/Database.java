package io.mcpconfig.admin.db;

import io.mcpconfig.testkit.PostgresServer;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh, migrated database of the shared test PostgreSQL, one per test class (the one fixture of config-admin's tests). */
public final class Database {
    public final String url;
    private final PostgresServer server = TestServers.postgres();

    public PostgresServer server() {
        return server;
    }

    public Database(String base) {
        this.url = server.createDatabase(TestNames.unique(base));
        Migrations.apply(url, server.user(), server.password());
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, server.user(), server.password());
    }

    /** Runs statements in autocommit mode, one after the other. */
    public void exec(String... sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    public long queryLong(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public String queryString(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
