package io.mcpconfig.publisher.internal;

/** The publisher must stop and a human must act; the message is one line saying what and how. */
public final class FatalPublisherException extends RuntimeException {
    public FatalPublisherException(String message) {
        super(message);
    }
}
