package io.mcpconfig.admin;

import java.sql.SQLException;
import java.util.List;

/**
 * The database's refusals as our exceptions. Constraint names are sentences (V1), so a check
 * violation becomes a problem whose reason is the constraint, readable as is.
 */
final class SqlErrors {
    private SqlErrors() {}

    static AdminException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = firstLine(e.getMessage());
        if (state.startsWith("23") || state.equals("22P02") || state.equals("22001")) {
            return new ValidationException(List.of(new Problem(null, null, null, null, 0, message)));
        }
        if (state.equals("P0002")) {
            return new NotFoundException(message);
        }
        return new DatabaseException("database: " + message, e);
    }

    /** A refusal while writing one item: the problem names the item. */
    static AdminException about(SQLException e, Scope scope, Kind kind, String key) {
        AdminException translated = translate(e);
        if (translated instanceof ValidationException) {
            return new ValidationException(List.of(new Problem(scope, kind, key, null, 0, firstLine(e.getMessage()))));
        }
        return translated;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.startsWith("ERROR: ") ? line.substring(7) : line;
    }

    /** The database failed for a reason that is not the input's fault (down, permissions, ...). */
    static final class DatabaseException extends AdminException {
        DatabaseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
