package io.mcpconfig.admin.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How audit entries are written, one line per entry: {@code table} for people (fixed columns, long
 * values cut), {@code jsonl} (one JSON object per line with the keys commitTime, actor, op, table,
 * scope, key, version, txId, commitLsn, changed, before, after) and {@code csv} (RFC 4180, the same
 * columns, before/after as JSON). Thread-safe.
 */
public enum AuditFormat {
    TABLE, JSONL, CSV;

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int CELL = 40;
    private static final String TABLE_ROW = "%-24s %-14s %-8s %-21s %-14s %-24s %4s %-22s %s";

    /** {@code table}, {@code jsonl} or {@code csv}; {@link IllegalArgumentException} naming the value otherwise. */
    public static AuditFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format '" + name + "' is not one of table, jsonl, csv");
        }
    }

    /** The header line, if the format has one. */
    public Optional<String> header() {
        return switch (this) {
            case TABLE -> Optional.of(String.format(TABLE_ROW, "COMMIT TIME", "ACTOR", "OP", "TABLE", "SCOPE", "KEY", "VER",
                    "TX", "CHANGES"));
            case CSV -> Optional.of("commitTime,actor,op,table,scope,key,version,txId,commitLsn,changed,before,after");
            case JSONL -> Optional.empty();
        };
    }

    /** One entry as one line (no line break). */
    public String line(AuditEntry e) {
        return switch (this) {
            case JSONL -> json(asMap(e));
            case CSV -> String.join(",", csv(e.commitTime().toString()), csv(e.actor()), csv(e.op()), csv(e.table()),
                    csv(e.scope()), csv(e.key()), String.valueOf(e.version()), csv(e.txId()), csv(e.commitLsn()),
                    csv(String.join(";", e.changed())), csv(json(e.before())), csv(json(e.after())));
            case TABLE -> String.format(TABLE_ROW, e.commitTime(), cut(e.actor(), 14), e.op(), e.table(), cut(e.scope(), 14),
                    cut(e.key(), 24), e.version(), cut(e.txId(), 22), changes(e));
        };
    }

    /** The entry as the JSON object of the jsonl format (keys in the documented order). */
    public static Map<String, Object> asMap(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commitTime", e.commitTime().toString());
        m.put("actor", e.actor());
        m.put("op", e.op());
        m.put("table", e.table());
        m.put("scope", e.scope());
        m.put("key", e.key());
        m.put("version", e.version());
        m.put("txId", e.txId());
        m.put("commitLsn", e.commitLsn());
        m.put("changed", e.changed());
        m.put("before", e.before());
        m.put("after", e.after());
        return m;
    }

    /** {@code field: before -> after} for each changed field, values cut for a terminal. */
    private static String changes(AuditEntry e) {
        StringBuilder sb = new StringBuilder();
        List<String> changed = e.changed();
        if (changed.isEmpty()) {
            return "(no content changed)";
        }
        for (String field : changed) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(field).append(": ");
            if (e.before().containsKey(field)) {
                sb.append(cut(json(e.before().get(field)), CELL));
                if (e.after().containsKey(field)) {
                    sb.append(" -> ");
                }
            }
            if (e.after().containsKey(field)) {
                sb.append(cut(json(e.after().get(field)), CELL));
            }
        }
        return sb.toString();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON-writable: " + value, e);
        }
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return "-";
        }
        String oneLine = value.replace("\n", "\\n");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
