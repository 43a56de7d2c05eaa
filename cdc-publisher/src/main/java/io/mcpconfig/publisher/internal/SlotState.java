package io.mcpconfig.publisher.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** A replication slot as {@code pg_replication_slots} shows it. */
public record SlotState(String name, boolean active, Integer activePid, String walStatus, String confirmedFlushLsn) {

    public static Optional<SlotState> read(Connection connection, String slot) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT active, active_pid, wal_status, confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = ?")) {
            s.setString(1, slot);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                int pid = r.getInt(2);
                return Optional.of(new SlotState(slot, r.getBoolean(1), r.wasNull() ? null : pid, r.getString(3), r.getString(4)));
            }
        }
    }

    /** PostgreSQL removed WAL this slot still needed (max_slot_wal_keep_size): its stream has a gap. */
    public boolean walLost() {
        return "lost".equals(walStatus);
    }

    public static void drop(Connection connection, String slot) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
            s.setString(1, slot);
            s.execute();
        }
    }

    public static void terminateHolder(Connection connection, int pid) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            s.setInt(1, pid);
            s.execute();
        }
    }
}
