package io.mcpconfig.admin;

/** A refused operation; the message is one line a person can act on. Nothing was written. */
public abstract class AdminException extends RuntimeException {
    AdminException(String message) {
        super(message);
    }

    AdminException(String message, Throwable cause) {
        super(message, cause);
    }
}
