package io.mcpconfig.publisher.internal;

/** PostgreSQL's text form of a WAL position, e.g. {@code 0/16B3748}. */
public final class Lsns {
    private Lsns() {}

    public static String format(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
    }
}
