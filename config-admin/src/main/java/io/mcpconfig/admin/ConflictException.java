package io.mcpconfig.admin;

/**
 * The row moved since the version the write was based on ({@code ifVersion}), or a create found the
 * item already there. Carries what is there now, so the caller can show it and retry.
 */
public final class ConflictException extends AdminException {
    private final long expectedVersion;
    private final long currentVersion;
    private final Object current;

    ConflictException(String what, long expectedVersion, long currentVersion, Object current) {
        this(expectedVersion == 0
                ? what + " exists already (version " + currentVersion + ")"
                : currentVersion == 0 ? what + " does not exist any more (expected version " + expectedVersion + ")"
                : what + " is at version " + currentVersion + ", not " + expectedVersion
                        + ": someone changed it since; reload and retry",
                expectedVersion, currentVersion, current, true);
    }

    private ConflictException(String message, long expectedVersion, long currentVersion, Object current, boolean unused) {
        super(message);
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
        this.current = current;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }

    /** The current item, when the conflict is about a prompt or resource (else null). */
    public Item currentItem() {
        return current instanceof Item item ? item : null;
    }

    /** The current organization, when the conflict is about one (else null). */
    public Org currentOrg() {
        return current instanceof Org org ? org : null;
    }
}
