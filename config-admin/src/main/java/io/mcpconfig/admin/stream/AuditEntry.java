package io.mcpconfig.admin.stream;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row change of {@code mcpconfig.changes}, as an auditor reads it: who, when, what, and the
 * fields that changed with their values before and after. Immutable.
 *
 * @param op        INSERT, UPDATE, DELETE, or SNAPSHOT (the row as the publisher's initial snapshot found it)
 * @param table     the database table, e.g. {@code organization_prompt}
 * @param scope     the organization id, or {@code _defaults}
 * @param key       the prompt name, resource URI or organization id
 * @param version   the row's version after the change (a delete: the key's next version, as in config_history)
 * @param commitLsn the transaction's commit position, in PostgreSQL's text form
 * @param changed   names of the content fields that changed (a snapshot or insert: every field set)
 * @param before    those fields' values before (empty for an insert or snapshot)
 * @param after     those fields' values after (empty for a delete)
 */
public record AuditEntry(Instant commitTime, String actor, String op, String table, String scope, String key,
                         long version, String txId, String commitLsn, List<String> changed,
                         Map<String, Object> before, Map<String, Object> after) {

    public AuditEntry {
        changed = List.copyOf(changed);
        before = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }

    /** The entry of a row event; {@link IllegalArgumentException} for a COMMIT marker (it changes no row). */
    public static AuditEntry of(ChangeEvent e) {
        if (e.getOp() == ChangeOp.COMMIT) {
            throw new IllegalArgumentException("a COMMIT marker is not a row change");
        }
        Map<String, Object> before = RowFields.of(e.getBefore());
        Map<String, Object> after = RowFields.of(e.getOp() == ChangeOp.DELETE ? null : e.getAfter());
        List<String> changed = RowFields.changed(before, after);
        Map<String, Object> b = new LinkedHashMap<>();
        Map<String, Object> a = new LinkedHashMap<>();
        for (String field : changed) {
            if (before.containsKey(field) && e.getBefore() != null) {
                b.put(field, before.get(field));
            }
            if (after.containsKey(field)) {
                a.put(field, after.get(field));
            }
        }
        return new AuditEntry(e.getCommitTime(), e.getActor(), e.getOp().name(),
                e.getTable() == null ? null : e.getTable().name().toLowerCase(Locale.ROOT), e.getScope(), e.getRowKey(),
                e.getVersion(), e.getTxId(), Lsn.format(e.getCommitLsn()), changed, b, a);
    }
}
