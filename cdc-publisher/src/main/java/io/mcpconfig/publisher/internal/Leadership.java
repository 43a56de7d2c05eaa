package io.mcpconfig.publisher.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
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
    private final String slot;
    private boolean held;

    private Leadership(Connection connection, String lockName, String slot) {
        this.connection = connection;
        this.lockName = lockName;
        this.slot = slot;
    }

    public static Leadership connect(String url, String user, String password, String slot) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "mcpconfig-publisher-lock");
        props.setProperty("connectTimeout", "10");
        props.setProperty("socketTimeout", "30");
        return new Leadership(DriverManager.getConnection(url, props), "mcpconfig.publisher/" + slot, slot);
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

    /**
     * How many bytes of WAL the slot still holds back: the server's current WAL position minus the
     * slot's confirmed position (what the publisher has yet to publish, or to confirm). Empty if the
     * slot does not exist or the query failed ({@link #stillHeld()} finds out about the connection).
     */
    public OptionalLong slotLagBytes() {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint FROM pg_replication_slots WHERE slot_name = ?")) {
            s.setQueryTimeout(5);
            s.setString(1, slot);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return OptionalLong.empty();
                }
                long bytes = r.getLong(1);
                return r.wasNull() ? OptionalLong.empty() : OptionalLong.of(Math.max(0, bytes));
            }
        } catch (SQLException e) {
            return OptionalLong.empty();
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
