package io.mcpconfig.admin;

import io.mcpconfig.admin.db.Migrations;
import io.mcpconfig.testkit.PostgresServer;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh, migrated database of the shared test PostgreSQL and a ConfigAdmin over it. */
final class TestDatabase {
    final String url;
    final PostgresServer server = TestServers.postgres();
    final ConfigAdmin admin;

    TestDatabase(String base) {
        this.url = server.createDatabase(TestNames.unique(base));
        Migrations.apply(url, server.user(), server.password());
        this.admin = ConfigAdmin.connect(url, server.user(), server.password());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, server.user(), server.password());
    }

    void exec(String... sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String string(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
