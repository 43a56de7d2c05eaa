package io.mcpconfig.admin.stream;

/** PostgreSQL's text form of a WAL position ({@code 16/B374D848}), as {@code pg_replication_slots} shows it. */
public final class Lsn {
    private Lsn() {}

    public static String format(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
    }

    /** Parses {@code X/Y} (hex halves); {@link IllegalArgumentException} naming the value otherwise. */
    public static long parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 1 || slash == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not an LSN like 16/B374D848");
        }
        try {
            return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an LSN like 16/B374D848");
        }
    }
}
