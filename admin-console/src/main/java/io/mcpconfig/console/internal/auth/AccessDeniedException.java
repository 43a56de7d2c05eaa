package io.mcpconfig.console.internal.auth;

/** The person is known but their role does not allow the operation: 403 with the reason. */
public final class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String reason) {
        super(reason);
    }

    public static void unless(boolean allowed, String reason) {
        if (!allowed) {
            throw new AccessDeniedException(reason);
        }
    }
}
