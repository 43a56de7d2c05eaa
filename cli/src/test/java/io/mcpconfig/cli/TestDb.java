package io.mcpconfig.cli;

import io.mcpconfig.admin.db.Migrations;
import io.mcpconfig.testkit.PostgresServer;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** A fresh migrated database of the shared test PostgreSQL, and the environment that points the command at it. */
final class TestDb {
    final PostgresServer server = TestServers.postgres();
    final String name;
    final String url;

    TestDb(String base) {
        this.name = TestNames.unique(base);
        this.url = server.createDatabase(name);
        Migrations.apply(url, server.user(), server.password());
    }

    Map<String, String> environment(String actor) {
        return Map.of("MCPCONFIG_DB_URL", url, "MCPCONFIG_DB_USER", server.user(),
                "MCPCONFIG_DB_PASSWORD", server.password(), "MCPCONFIG_ACTOR", actor);
    }

    Connection connect() throws SQLException {
        return server.connect(name);
    }

    void exec(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
