package io.mcpconfig.admin.stream;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.ConfigTable;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import java.time.Instant;

/** Change events as the publisher frames them, for unit tests. */
final class Events {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private Events() {}

    static OrganizationRow org(String id, boolean active, long version) {
        return new OrganizationRow(id, id.toUpperCase(), active, version, T0, "alice");
    }

    static PromptRow defaultPrompt(String name, String template, long version) {
        return new PromptRow(null, name, "title", null, template, null, null, null, version, T0, "alice");
    }

    static PromptRow override(String org, String name, String template, long version) {
        return new PromptRow(org, name, null, null, template, null, null, null, version, T0, "bob");
    }

    /** A row event at {@code lsn} (seconds after T0 as its commit time). */
    static ChangeEvent row(String scope, ChangeOp op, ConfigTable table, String key, Object before, Object after,
                           long version, long lsn, int seq) {
        return ChangeEvent.newBuilder().setScope(scope).setOp(op).setTable(table).setRowKey(key).setBefore(before)
                .setAfter(after).setVersion(version).setActor("alice").setTxId("tx" + lsn + ":" + lsn).setCommitLsn(lsn)
                .setCommitTime(T0.plusSeconds(lsn)).setSeq(seq).setEventCount(0).build();
    }

    static ChangeEvent commit(String scope, long lsn, int eventCount) {
        return ChangeEvent.newBuilder().setScope(scope).setOp(ChangeOp.COMMIT).setTxId("tx" + lsn + ":" + lsn)
                .setCommitLsn(lsn).setCommitTime(T0.plusSeconds(lsn)).setEventCount(eventCount).build();
    }

    static ChangeEvent defaultUpsert(PromptRow row, long lsn, int seq) {
        return row(Scopes.DEFAULTS, ChangeOp.INSERT, ConfigTable.DEFAULT_PROMPT, row.getName(), null, row, row.getVersion(), lsn, seq);
    }
}
