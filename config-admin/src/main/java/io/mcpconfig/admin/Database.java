package io.mcpconfig.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One transaction per operation: a write runs with {@code SET LOCAL mcpconfig.actor} (the triggers
 * stamp it on the row and in history, the publisher on the change event); a read runs REPEATABLE
 * READ so the rows it combines are one consistent state.
 */
final class Database {
    /** Work inside a transaction; SQL errors become {@link AdminException}s by {@link SqlErrors}. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T read(Work<T> work) {
        return transaction(null, false, work);
    }

    <T> T write(Actor actor, Work<T> work) {
        return transaction(actor, false, work);
    }

    /** Runs the write and rolls it back whatever happens: a dry run sees exactly what the write would do. */
    <T> T dryRun(Actor actor, Work<T> work) {
        return transaction(actor, true, work);
    }

    private <T> T transaction(Actor actor, boolean rollback, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(actor == null ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_READ_COMMITTED);
            try {
                if (actor != null) {
                    try (PreparedStatement st = c.prepareStatement("SELECT set_config('mcpconfig.actor', ?, true)")) {
                        st.setString(1, actor.name());
                        st.execute();
                    }
                }
                T result = work.run(c);
                if (rollback || actor == null) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }
}
