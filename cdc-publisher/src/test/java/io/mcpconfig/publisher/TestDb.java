package io.mcpconfig.publisher;

import io.mcpconfig.testkit.PostgresServer;
import io.mcpconfig.testkit.TestServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh database on the shared test server, and SQL against it. */
final class TestDb {
    final String name;
    final String url;

    TestDb(String name) {
        this.name = name;
        this.url = server().createDatabase(name);
    }

    static PostgresServer server() {
        return TestServers.postgres();
    }

    Connection connect() throws SQLException {
        return server().connect(name);
    }

    /** Runs the statements in one transaction, as {@code actor} (session setting mcpconfig.actor). */
    void tx(String actor, String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            if (actor != null) {
                s.execute("SET mcpconfig.actor = '" + actor + "'");
            }
            for (String statement : sql) {
                s.execute(statement);
            }
            c.commit();
        }
    }

    /** Drops the slot if it exists and nobody holds it; for cleanup. */
    void dropSlotQuietly(String slot) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + slot + "' AND NOT active");
        } catch (SQLException ignored) {
            // best effort
        }
    }
}
