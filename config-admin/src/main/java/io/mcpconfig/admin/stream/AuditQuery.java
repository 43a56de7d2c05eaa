package io.mcpconfig.admin.stream;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.ConfigTable;
import java.time.Instant;
import java.util.Locale;

/**
 * Which changes an audit shows; every filter is optional (null: no filter) and they combine with
 * AND. Immutable.
 *
 * @param scope organization id ({@code _defaults} for the default tables)
 * @param table the table, e.g. {@link ConfigTable#ORGANIZATION_PROMPT}
 * @param key   prompt name, resource URI or organization id
 * @param actor who made the change (exact)
 * @param since changes committed at or after this instant; also where the read starts (seek by time)
 * @param until changes committed at or before this instant; the read stops there
 * @param txId  a transaction: the stream's full id ({@code 7421:0/1A2B3C8}) or just PostgreSQL's xid ({@code 7421})
 */
public record AuditQuery(String scope, ConfigTable table, String key, String actor, Instant since, Instant until,
                         String txId) {

    public AuditQuery {
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("until (" + until + ") is before since (" + since + ")");
        }
    }

    /** Every change. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }

    /** The table named as in the database ({@code organization_prompt}) or as the enum; case-insensitive. */
    public static ConfigTable table(String name) {
        try {
            return ConfigTable.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("table '" + name + "' is not one of organization, default_prompt, "
                    + "default_resource, organization_prompt, organization_resource");
        }
    }

    /** Whether the row event is shown; COMMIT markers never are. */
    public boolean matches(ChangeEvent e) {
        if (e.getOp() == ChangeOp.COMMIT) {
            return false;
        }
        if (scope != null && !scope.equals(e.getScope())) {
            return false;
        }
        if (table != null && table != e.getTable()) {
            return false;
        }
        if (key != null && !key.equals(e.getRowKey())) {
            return false;
        }
        if (actor != null && !actor.equals(e.getActor())) {
            return false;
        }
        if (since != null && e.getCommitTime().isBefore(since)) {
            return false;
        }
        if (until != null && e.getCommitTime().isAfter(until)) {
            return false;
        }
        return txId == null || txId.equals(e.getTxId()) || e.getTxId().startsWith(txId + ":");
    }
}
