package io.mcpconfig.materializer;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.ConfigTable;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test builder: one scope's part of one transaction, framed as the publisher frames it (rows, then COMMIT). */
final class Tx {
    private final String scope;
    private final long lsn;
    private final String txId;
    private final List<ChangeEvent> rows = new ArrayList<>();

    private Tx(String scope, long lsn, String txId) {
        this.scope = scope;
        this.lsn = lsn;
        this.txId = txId;
    }

    static Tx of(String scope, long lsn) {
        return new Tx(scope, lsn, "tx-" + lsn);
    }

    static Tx defaults(long lsn) {
        return of(Scopes.DEFAULTS, lsn);
    }

    static Instant time(long lsn) {
        return Instant.ofEpochMilli(1_700_000_000_000L + lsn);
    }

    Tx org(boolean active) {
        return org(ChangeOp.INSERT, active);
    }

    Tx org(ChangeOp op, boolean active) {
        return row(op, ConfigTable.ORGANIZATION, scope,
                new OrganizationRow(scope, "Org " + scope, active, lsn, time(lsn), "test"));
    }

    Tx deleteOrg() {
        return row(ChangeOp.DELETE, ConfigTable.ORGANIZATION, scope, null);
    }

    /** A full prompt: a default in the defaults scope, an override that sets every field elsewhere. */
    Tx prompt(String name, String template) {
        return prompt(ChangeOp.INSERT, prompt(name).setTemplate(template).setTitle("T " + name).setActive(true).build());
    }

    Tx prompt(ChangeOp op, PromptRow row) {
        row.setOrgId(Scopes.isDefaults(scope) ? null : scope);
        return row(op, Scopes.isDefaults(scope) ? ConfigTable.DEFAULT_PROMPT : ConfigTable.ORGANIZATION_PROMPT, row.getName(), row);
    }

    Tx deletePrompt(String name) {
        return row(ChangeOp.DELETE, Scopes.isDefaults(scope) ? ConfigTable.DEFAULT_PROMPT : ConfigTable.ORGANIZATION_PROMPT, name, null);
    }

    Tx resource(String uri, String text) {
        return resource(ChangeOp.INSERT, resource(uri).setContentText(text).setName(uri).setMimeType("text/plain").build());
    }

    Tx resource(ChangeOp op, ResourceRow row) {
        row.setOrgId(Scopes.isDefaults(scope) ? null : scope);
        return row(op, Scopes.isDefaults(scope) ? ConfigTable.DEFAULT_RESOURCE : ConfigTable.ORGANIZATION_RESOURCE, row.getUri(), row);
    }

    Tx deleteResource(String uri) {
        return row(ChangeOp.DELETE, Scopes.isDefaults(scope) ? ConfigTable.DEFAULT_RESOURCE : ConfigTable.ORGANIZATION_RESOURCE, uri, null);
    }

    /** A prompt row builder with only the key, version and time set (every content field null: inherits). */
    PromptRow.Builder prompt(String name) {
        return PromptRow.newBuilder().setName(name).setVersion(lsn).setUpdatedAt(time(lsn)).setUpdatedBy("test");
    }

    ResourceRow.Builder resource(String uri) {
        return ResourceRow.newBuilder().setUri(uri).setVersion(lsn).setUpdatedAt(time(lsn)).setUpdatedBy("test");
    }

    Tx row(ChangeOp op, ConfigTable table, String rowKey, Object after) {
        rows.add(ChangeEvent.newBuilder().setScope(scope).setOp(op).setTable(table).setRowKey(rowKey)
                .setBefore(null).setAfter(after).setVersion(lsn).setActor("test").setTxId(txId)
                .setCommitLsn(lsn).setCommitTime(time(lsn)).setSeq(rows.size()).setEventCount(0).build());
        return this;
    }

    /** The row events alone. */
    List<ChangeEvent> rowEvents() {
        return List.copyOf(rows);
    }

    ChangeEvent commit() {
        return ChangeEvent.newBuilder().setScope(scope).setOp(ChangeOp.COMMIT).setTable(null).setRowKey(null)
                .setTxId(txId).setCommitLsn(lsn).setCommitTime(time(lsn)).setSeq(0).setEventCount(rows.size()).build();
    }

    /** Row events then the COMMIT marker. */
    List<ChangeEvent> events() {
        List<ChangeEvent> all = new ArrayList<>(rows);
        all.add(commit());
        return all;
    }

    String scope() {
        return scope;
    }
}
