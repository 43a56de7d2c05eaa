package io.mcpconfig.materializer.internal;

import io.mcpconfig.schemas.avro.ConfigTable;

/**
 * Keys of the materializer's state stores. Parts are joined with {@code \0}, which no scope, table,
 * transaction id, prompt name or URI contains, so one scope's keys share a prefix and a prefix scan
 * finds exactly them.
 */
public final class StoreKeys {
    /** Store: buffered row events of open transactions, key (scope, txId, seq). */
    public static final String BUFFER_STORE = "tx-buffer";
    /** Store: the current rows of each scope, key (scope, table, row key). */
    public static final String ROWS_STORE = "scope-rows";
    /** Store: per scope, the last applied transaction and the signature of the last emitted view. */
    public static final String STATE_STORE = "scope-state";

    /**
     * The scope under which every task keeps its own copy of the defaults, fed by the broadcast.
     * Can't collide: org ids start with [a-z0-9] and the defaults scope is {@code _defaults}.
     */
    public static final String DEFAULTS_COPY = "~defaults-copy";

    private static final char SEP = '\0';

    private StoreKeys() {}

    public static String bufferPrefix(String scope) {
        return scope + SEP;
    }

    public static String buffer(String scope, String txId, int seq) {
        // Fixed-width seq: a prefix scan returns a transaction's events in seq order. Not String.format:
        // this runs for every row event and its COMMIT lookup, and Formatter showed in the profile.
        String hex = Integer.toHexString(seq);
        return bufferPrefix(scope) + txId + SEP + "00000000".substring(hex.length()) + hex;
    }

    public static String rowsPrefix(String scope) {
        return scope + SEP;
    }

    public static String row(String scope, ConfigTable table, String rowKey) {
        return rowsPrefix(scope) + (char) ('A' + table.ordinal()) + SEP + rowKey;
    }

    /** True for a scope key of the state store that is an organization (not the defaults or the copy). */
    public static boolean isOrg(String scopeKey) {
        return !scopeKey.isEmpty() && scopeKey.charAt(0) != '_' && scopeKey.charAt(0) != '~';
    }
}
