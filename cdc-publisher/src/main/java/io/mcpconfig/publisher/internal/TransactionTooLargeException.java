package io.mcpconfig.publisher.internal;

/** A transaction outgrew the buffer that holds it until its commit position is known. */
public final class TransactionTooLargeException extends RuntimeException {
    public TransactionTooLargeException(String message) {
        super(message);
    }
}
