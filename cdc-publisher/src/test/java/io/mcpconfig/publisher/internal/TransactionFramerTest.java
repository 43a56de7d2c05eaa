package io.mcpconfig.publisher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.ConfigTable;
import io.mcpconfig.schemas.avro.PromptRow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionFramerTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private final TransactionFramer framer = new TransactionFramer(10L * 1024 * 1024, false);

    @Test
    void aTransactionIsHeldUntilEndThenFramedPerScope() {
        assertThat(framer.accept(new Decoded.Begin("7")).send()).isEmpty();
        assertThat(framer.accept(row("acme", "a", ChangeOp.INSERT, null)).send()).isEmpty();
        assertThat(framer.accept(row(Scopes.DEFAULTS, "d", ChangeOp.UPDATE, null)).send()).isEmpty();
        TransactionFramer.Step mid = framer.accept(row("acme", "b", ChangeOp.UPDATE, null));
        assertThat(mid.complete()).isFalse();
        assertThat(framer.inside()).isTrue();

        TransactionFramer.Step end = framer.accept(new Decoded.End("7", 0x1234L, T));

        assertThat(end.complete()).isTrue();
        List<ChangeEvent> sent = end.send();
        assertThat(sent).extracting(ChangeEvent::getScope, ChangeEvent::getOp, ChangeEvent::getSeq, ChangeEvent::getEventCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("acme", ChangeOp.INSERT, 0, 0),
                        org.assertj.core.groups.Tuple.tuple(Scopes.DEFAULTS, ChangeOp.UPDATE, 0, 0),
                        org.assertj.core.groups.Tuple.tuple("acme", ChangeOp.UPDATE, 1, 0),
                        org.assertj.core.groups.Tuple.tuple("acme", ChangeOp.COMMIT, 0, 2),
                        org.assertj.core.groups.Tuple.tuple(Scopes.DEFAULTS, ChangeOp.COMMIT, 0, 1));
        assertThat(sent).allSatisfy(e -> {
            assertThat(e.getCommitLsn()).isEqualTo(0x1234L);
            assertThat(e.getTxId()).isEqualTo("7:0/1234");
        });
        assertThat(framer.inside()).isFalse();
    }

    @Test
    void theAnnouncedDeleterIsTheActorOfTheDeleteElseTheLastWriter() {
        framer.accept(new Decoded.Begin("8"));
        framer.accept(new Decoded.DeleteActor(ConfigTable.ORGANIZATION_PROMPT, "acme", "a", "alice"));
        framer.accept(row("acme", "a", ChangeOp.DELETE, "bob"));
        framer.accept(row("acme", "b", ChangeOp.DELETE, "bob"));
        List<ChangeEvent> sent = framer.accept(new Decoded.End("8", 99, T)).send();
        assertThat(sent).extracting(ChangeEvent::getActor).containsExactly("alice", "bob", null);
    }

    @Test
    void theSnapshotStreamsAtOnceAndClosesWithCommitsAtItsLastRecord() {
        TransactionFramer.Step first = framer.accept(snapshotRow("acme", "a", false));
        assertThat(first.send()).singleElement().satisfies(e -> {
            assertThat(e.getOp()).isEqualTo(ChangeOp.SNAPSHOT);
            assertThat(e.getTxId()).isEqualTo("snapshot-0/500");
            assertThat(e.getCommitLsn()).isEqualTo(0x500L);
        });
        assertThat(first.complete()).isFalse();
        framer.accept(snapshotRow("beta", "a", false));
        TransactionFramer.Step last = framer.accept(snapshotRow("acme", "b", true));
        assertThat(last.complete()).isTrue();
        assertThat(last.send()).extracting(ChangeEvent::getScope, ChangeEvent::getOp, ChangeEvent::getSeq, ChangeEvent::getEventCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("acme", ChangeOp.SNAPSHOT, 1, 0),
                        org.assertj.core.groups.Tuple.tuple(Scopes.DEFAULTS, ChangeOp.COMMIT, 0, 0),
                        org.assertj.core.groups.Tuple.tuple("acme", ChangeOp.COMMIT, 0, 2),
                        org.assertj.core.groups.Tuple.tuple("beta", ChangeOp.COMMIT, 0, 1));
        assertThat(last.send()).allSatisfy(e -> assertThat(e.getTxId()).isEqualTo("snapshot-0/500"));
    }

    @Test
    void aSnapshotWithDefaultRowsClosesTheDefaultsFirstWithTheirCount() {
        TransactionFramer first = new TransactionFramer(10L * 1024 * 1024, true);
        first.accept(snapshotRow("acme", "a", false));
        Decoded.Row d = snapshotRow("acme", "d", false);
        first.accept(new Decoded.Row(ConfigTable.DEFAULT_PROMPT, ChangeOp.SNAPSHOT, Scopes.DEFAULTS, "d", null, d.after(),
                3, "seed", 0x500L, T, false, 200));
        TransactionFramer.Step last = first.accept(snapshotRow("acme", "b", true));
        assertThat(last.complete()).isTrue();
        assertThat(last.send()).filteredOn(e -> e.getOp() == ChangeOp.COMMIT)
                .extracting(ChangeEvent::getScope, ChangeEvent::getEventCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Scopes.DEFAULTS, 1),
                        org.assertj.core.groups.Tuple.tuple("acme", 2));
        // Announced once: the next transaction carries no extra defaults COMMIT.
        first.accept(new Decoded.Begin("11"));
        first.accept(row("acme", "c", ChangeOp.INSERT, null));
        assertThat(first.accept(new Decoded.End("11", 0x600L, T)).send()).extracting(ChangeEvent::getScope)
                .containsExactly("acme", "acme");
    }

    @Test
    void aFirstStartWithoutAnySnapshotRecordAnnouncesEmptyDefaultsBeforeTheFirstTransaction() {
        TransactionFramer first = new TransactionFramer(10L * 1024 * 1024, true);
        // Until the announcement, no position is complete: a restart must take the snapshot again.
        assertThat(first.accept(new Decoded.Other()).complete()).isFalse();
        first.accept(new Decoded.Begin("12"));
        first.accept(row("acme", "a", ChangeOp.INSERT, null));
        TransactionFramer.Step end = first.accept(new Decoded.End("12", 0x700L, T));
        assertThat(end.complete()).isTrue();
        assertThat(end.send()).extracting(ChangeEvent::getScope, ChangeEvent::getOp, ChangeEvent::getEventCount, ChangeEvent::getCommitLsn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Scopes.DEFAULTS, ChangeOp.COMMIT, 0, 0x6ffL),
                        org.assertj.core.groups.Tuple.tuple("acme", ChangeOp.INSERT, 0, 0x700L),
                        org.assertj.core.groups.Tuple.tuple("acme", ChangeOp.COMMIT, 1, 0x700L));
        assertThat(end.send().get(0).getTxId()).isEqualTo("snapshot-0/6FF");
        assertThat(first.accept(new Decoded.Other()).complete()).isTrue();
    }

    @Test
    void positionsBetweenTransactionsAreCompleteButNotInsideOne() {
        assertThat(framer.accept(new Decoded.Other()).complete()).isTrue();
        framer.accept(new Decoded.Begin("9"));
        assertThat(framer.accept(new Decoded.Other()).complete()).isFalse();
    }

    @Test
    void aTransactionOverTheBufferLimitStopsLoudly() {
        TransactionFramer small = new TransactionFramer(1024 * 1024, false);
        small.accept(new Decoded.Begin("10"));
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100_000; i++) {
                small.accept(row("acme", "p" + i, ChangeOp.INSERT, null));
            }
        }).isInstanceOf(TransactionTooLargeException.class).hasMessageContaining("MCPCONFIG_MAX_TRANSACTION_MB");
    }

    private static Decoded.Row row(String scope, String name, ChangeOp op, String updatedBy) {
        PromptRow image = PromptRow.newBuilder().setOrgId(Scopes.isDefaults(scope) ? null : scope).setName(name)
                .setTemplate("t").setVersion(1).setUpdatedAt(T).setUpdatedBy(updatedBy).build();
        ConfigTable table = Scopes.isDefaults(scope) ? ConfigTable.DEFAULT_PROMPT : ConfigTable.ORGANIZATION_PROMPT;
        boolean delete = op == ChangeOp.DELETE;
        return new Decoded.Row(table, op, scope, name, delete ? image : null, delete ? null : image,
                delete ? 2 : 1, updatedBy, 0, T, null, 200);
    }

    private static Decoded.Row snapshotRow(String scope, String name, boolean last) {
        PromptRow image = PromptRow.newBuilder().setOrgId(scope).setName(name).setTemplate("t").setVersion(3)
                .setUpdatedAt(T).setUpdatedBy("seed").build();
        return new Decoded.Row(ConfigTable.ORGANIZATION_PROMPT, ChangeOp.SNAPSHOT, scope, name, null, image, 3, "seed",
                0x500L, T, last, 200);
    }
}
