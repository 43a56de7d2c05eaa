package io.mcpconfig.benchmarks.materializer;

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

/**
 * Change events framed as the publisher frames them (a scope's row events, then its COMMIT), for
 * feeding the materializer without PostgreSQL or the publisher.
 */
final class SyntheticChanges {
    private final List<ChangeEvent> out = new ArrayList<>();
    private long lsn = 1_000;
    private int transactions;

    List<ChangeEvent> events() {
        return out;
    }

    int transactions() {
        return transactions;
    }

    /** Defaults: {@code prompts} prompts and {@code resources} text resources of about a KB each. */
    SyntheticChanges defaults(int prompts, int resources) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < prompts; i++) {
            rows.add(new Object[] {ConfigTable.DEFAULT_PROMPT, "prompt_" + i, PromptRow.newBuilder().setName("prompt_" + i)
                    .setTitle("Prompt " + i).setDescription("what prompt " + i + " is for").setTemplate(filler("p" + i))
                    .setActive(true).setVersion(1).setUpdatedAt(Instant.now()).setUpdatedBy("bench").build()});
        }
        for (int i = 0; i < resources; i++) {
            String uri = "docs://resource/" + i;
            rows.add(new Object[] {ConfigTable.DEFAULT_RESOURCE, uri, ResourceRow.newBuilder().setUri(uri).setName("r" + i)
                    .setMimeType("text/plain").setContentText(filler("r" + i)).setActive(true).setVersion(1)
                    .setUpdatedAt(Instant.now()).setUpdatedBy("bench").build()});
        }
        return tx(Scopes.DEFAULTS, ChangeOp.INSERT, rows);
    }

    /** One defaults transaction replacing default prompt {@code i} (as {@link #defaults} made it) with a new template. */
    SyntheticChanges defaultPrompt(int i, String template) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {ConfigTable.DEFAULT_PROMPT, "prompt_" + i, PromptRow.newBuilder().setName("prompt_" + i)
                .setTitle("Prompt " + i).setDescription("what prompt " + i + " is for").setTemplate(template)
                .setActive(true).setVersion(lsn + 1).setUpdatedAt(Instant.now()).setUpdatedBy("bench").build()});
        return tx(Scopes.DEFAULTS, ChangeOp.UPDATE, rows);
    }

    SyntheticChanges org(String org) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {ConfigTable.ORGANIZATION, org,
                new OrganizationRow(org, "Org " + org, true, 1L, Instant.now(), "bench")});
        return tx(org, ChangeOp.INSERT, rows);
    }

    /** One transaction of the org setting {@code count} of its own prompts (override template only). */
    SyntheticChanges overrides(String org, int count, String template) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {ConfigTable.ORGANIZATION_PROMPT, "prompt_" + i, PromptRow.newBuilder().setOrgId(org)
                    .setName("prompt_" + i).setTemplate(template).setVersion(lsn).setUpdatedAt(Instant.now())
                    .setUpdatedBy("bench").build()});
        }
        return tx(org, ChangeOp.UPDATE, rows);
    }

    private SyntheticChanges tx(String scope, ChangeOp op, List<Object[]> rows) {
        long commitLsn = ++lsn;
        String txId = "tx-" + commitLsn;
        Instant now = Instant.now();
        for (int seq = 0; seq < rows.size(); seq++) {
            Object[] r = rows.get(seq);
            out.add(ChangeEvent.newBuilder().setScope(scope).setOp(op).setTable((ConfigTable) r[0]).setRowKey((String) r[1])
                    .setBefore(null).setAfter(r[2]).setVersion(commitLsn).setActor("bench").setTxId(txId)
                    .setCommitLsn(commitLsn).setCommitTime(now).setSeq(seq).setEventCount(0).build());
        }
        out.add(ChangeEvent.newBuilder().setScope(scope).setOp(ChangeOp.COMMIT).setTable(null).setRowKey(null)
                .setTxId(txId).setCommitLsn(commitLsn).setCommitTime(now).setSeq(0).setEventCount(rows.size()).build());
        transactions++;
        return this;
    }

    private static String filler(String seed) {
        StringBuilder sb = new StringBuilder("{{text}} ");
        while (sb.length() < 1_000) {
            sb.append(seed).append(" lorem ipsum dolor sit amet ");
        }
        return sb.toString();
    }
}
