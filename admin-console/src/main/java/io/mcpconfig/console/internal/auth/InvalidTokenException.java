package io.mcpconfig.console.internal.auth;

/** A token that is missing, malformed, badly signed, expired, or lacks the role claim: 401. */
public final class InvalidTokenException extends Exception {
    public InvalidTokenException(String reason) {
        super(reason);
    }
}
