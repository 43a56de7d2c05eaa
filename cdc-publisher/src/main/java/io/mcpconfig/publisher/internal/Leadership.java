package io.mcpconfig.publisher.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Which publisher is the active one: the holder of a session-level advisory lock named after the
 * slot, on a connection of its own. The slot alone is not enough: it is free while a new slot's
 * snapshot runs, and between a crash and a takeover. The lock goes away with the holder's
 * connection, so when a publisher dies (even by SIGKILL) a standby gets it on its next try.
 * Not thread-safe: one owner thread.
 */
public final class Leadership implements AutoCloseable {
    private final Connection connection;
    private final String lockName;
    private boolean held;

    private Leadership(Connection connection, String lockName) {
        this.connection = connection;
        this.lockName = lockName;
    }

    public static Leadership connect(String url, String user, String password, String slot) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "mcpconfig-publisher-lock");
        props.setProperty("connectTimeout", "10");
        props.setProperty("socketTimeout", "30");
        return new Leadership(DriverManager.getConnection(url, props), "mcpconfig.publisher/" + slot);
    }

    /** One attempt; true if this instance now holds the lock (also if it already did). */
    public boolean tryAcquire() throws SQLException {
        if (held) {
            return true;
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
            s.setString(1, lockName);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                held = r.getBoolean(1);
            }
        }
        return held;
    }

    /** Whether the lock's connection still works; false means the lock may be someone else's now. */
    public boolean stillHeld() {
        if (!held) {
            return false;
        }
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(5);
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            held = false;
            return false;
        }
    }

    /** Releases the lock by closing its connection. */
    @Override
    public void close() {
        held = false;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing is all we wanted; the server drops the lock with the session
        }
    }
}
