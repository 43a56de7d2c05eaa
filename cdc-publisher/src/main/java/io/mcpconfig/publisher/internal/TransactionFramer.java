package io.mcpconfig.publisher.internal;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frames Debezium's record stream into the change-event contract: row events carry their
 * transaction's commit LSN and a per-scope {@code seq}; each transaction ends with one COMMIT per
 * scope it touched. Pure and single-threaded (the engine's handler thread).
 *
 * <p>Why streamed transactions are buffered: pgoutput announces a transaction's commit position
 * in its BEGIN message, but Debezium drops it; the first place it surfaces is the END record
 * ({@code lsn_commit}). A change's own LSN is no substitute: transactions are decoded in commit
 * order, so one that started earlier has lower change LSNs than one that committed before it.
 * PostgreSQL (without streaming of in-progress transactions, which Debezium does not ask for)
 * sends a transaction only once it committed, so its records arrive back to back and holding
 * them until END costs microseconds. The buffer is bounded by {@code maxTransactionBytes}.
 *
 * <p>The initial snapshot needs no buffer: its position is known from the first record, so its
 * events go out as they come, and the COMMITs follow its last record.
 *
 * <p>The snapshot always closes the {@code _defaults} scope, with {@code eventCount} 0 if there are
 * no default rows: consumers wait for "the defaults as of the snapshot" before serving any org, so it
 * must be said even when it is "none". A first start on a database without any config row gets no
 * snapshot record at all; then the first transaction is preceded by that announcement, at the LSN
 * just below its commit (nothing changed between the snapshot and that commit), and until then no
 * position counts as complete, so a restart in between starts over with a new slot.
 */
public final class TransactionFramer {

    /** What to send now, and whether everything received so far is then a complete unit. */
    public record Step(List<ChangeEvent> send, boolean complete, Instant committedAt, long commitLsn) {
        static Step nothing(boolean complete) {
            return new Step(List.of(), complete, null, 0);
        }
    }

    private final long maxTransactionBytes;
    private Transaction open;
    private Snapshot snapshot;
    /** First start (no stored offsets) and the defaults as of the snapshot are not announced yet. */
    private boolean defaultsUnannounced;

    /**
     * @param firstStart true when no offsets are stored, i.e. Debezium takes the initial snapshot:
     *     the framer then makes sure the defaults as of the snapshot are announced even if the
     *     snapshot has no record
     */
    public TransactionFramer(long maxTransactionBytes, boolean firstStart) {
        this.maxTransactionBytes = maxTransactionBytes;
        this.defaultsUnannounced = firstStart;
    }

    /**
     * True while a transaction or the snapshot is open, or the snapshot's defaults are not announced
     * yet: positions there must not be committed.
     */
    public boolean inside() {
        return open != null || snapshot != null || defaultsUnannounced;
    }

    public Step accept(Decoded decoded) {
        if (decoded instanceof Decoded.Begin begin) {
            // A BEGIN while one is open means the earlier one never ended (cannot happen with
            // pgoutput); dropping it is right, since nothing of it was sent or committed.
            open = new Transaction(begin.txId());
            return Step.nothing(false);
        }
        if (decoded instanceof Decoded.End end) {
            return end(end);
        }
        if (decoded instanceof Decoded.Row row) {
            return row.isSnapshot() ? snapshotRow(row) : streamedRow(row);
        }
        if (decoded instanceof Decoded.DeleteActor actor && open != null) {
            open.deleters.put(actorKey(actor.table().name(), actor.scope(), actor.rowKey()), actor.actor());
            return Step.nothing(false);
        }
        if (decoded instanceof Decoded.Skipped skipped && skipped.endsSnapshot() && snapshot != null) {
            return closeSnapshot(List.of());
        }
        return Step.nothing(!inside());
    }

    private Step streamedRow(Decoded.Row row) {
        if (open == null) {
            throw new IllegalStateException("a " + row.op() + " of " + row.table() + " '" + row.rowKey()
                    + "' arrived outside a transaction; is provide.transaction.metadata on?");
        }
        open.bytes += row.approxBytes();
        if (open.bytes > maxTransactionBytes) {
            throw new TransactionTooLargeException("transaction " + open.txId + " holds more than "
                    + maxTransactionBytes + " bytes of changes; raise MCPCONFIG_MAX_TRANSACTION_MB (and the heap) to publish it");
        }
        String actor = row.updatedBy();
        if (row.op() == ChangeOp.DELETE) {
            String deleter = open.deleters.remove(actorKey(row.table().name(), row.scope(), row.rowKey()));
            if (deleter != null) {
                actor = deleter;
            }
        }
        open.events.add(event(row, actor, open.nextSeq(row.scope())));
        open.commitTime = row.sourceTime();
        return Step.nothing(false);
    }

    private Step end(Decoded.End end) {
        Transaction tx = open;
        open = null;
        if (tx == null || tx.events.isEmpty()) {
            return Step.nothing(!inside());
        }
        String txId = end.txId() + ":" + Lsns.format(end.commitLsn());
        Instant commitTime = tx.commitTime != null ? tx.commitTime : end.commitTime();
        List<ChangeEvent> send = new ArrayList<>(tx.events.size() + tx.counts.size() + 1);
        if (defaultsUnannounced) {
            // An empty snapshot: the database held no config row, so no default either, up to this commit.
            long before = end.commitLsn() - 1;
            send.add(commit(Scopes.DEFAULTS, 0, "snapshot-" + Lsns.format(before), before, commitTime));
            defaultsUnannounced = false;
        }
        for (ChangeEvent e : tx.events) {
            e.setTxId(txId);
            e.setCommitLsn(end.commitLsn());
            e.setCommitTime(commitTime);
            send.add(e);
        }
        tx.counts.forEach((scope, count) -> send.add(commit(scope, count, txId, end.commitLsn(), commitTime)));
        return new Step(send, !inside(), commitTime, end.commitLsn());
    }

    private Step snapshotRow(Decoded.Row row) {
        if (snapshot == null) {
            snapshot = new Snapshot(row.sourceLsn(), row.sourceTime());
        }
        ChangeEvent e = event(row, row.updatedBy(), snapshot.nextSeq(row.scope()));
        e.setTxId(snapshot.txId());
        e.setCommitLsn(snapshot.lsn);
        e.setCommitTime(snapshot.time);
        if (!row.lastOfSnapshot()) {
            return new Step(List.of(e), false, null, 0);
        }
        return closeSnapshot(List.of(e));
    }

    private Step closeSnapshot(List<ChangeEvent> last) {
        Snapshot s = snapshot;
        snapshot = null;
        List<ChangeEvent> send = new ArrayList<>(last);
        // The defaults first: the scope every consumer waits for, announced even when it has no row.
        send.add(commit(Scopes.DEFAULTS, s.counts.getOrDefault(Scopes.DEFAULTS, 0), s.txId(), s.lsn, s.time));
        s.counts.forEach((scope, count) -> {
            if (!Scopes.isDefaults(scope)) {
                send.add(commit(scope, count, s.txId(), s.lsn, s.time));
            }
        });
        defaultsUnannounced = false;
        return new Step(send, !inside(), s.time, s.lsn);
    }

    private static ChangeEvent event(Decoded.Row row, String actor, int seq) {
        return ChangeEvent.newBuilder()
                .setScope(row.scope()).setOp(row.op()).setTable(row.table()).setRowKey(row.rowKey())
                .setBefore(row.before()).setAfter(row.after()).setVersion(row.version()).setActor(actor)
                .setTxId("").setCommitLsn(0).setCommitTime(Instant.EPOCH)
                .setSeq(seq).setEventCount(0)
                .build();
    }

    private static ChangeEvent commit(String scope, int count, String txId, long lsn, Instant time) {
        return ChangeEvent.newBuilder()
                .setScope(scope).setOp(ChangeOp.COMMIT).setTable(null).setRowKey(null)
                .setBefore(null).setAfter(null).setVersion(0).setActor(null)
                .setTxId(txId).setCommitLsn(lsn).setCommitTime(time)
                .setSeq(0).setEventCount(count)
                .build();
    }

    private static String actorKey(String table, String scope, String key) {
        return table + '\u0000' + scope + '\u0000' + key;
    }

    /** Per-scope counters in first-touched order, so COMMITs go out in a stable order. */
    private abstract static class Unit {
        final Map<String, Integer> counts = new LinkedHashMap<>();

        int nextSeq(String scope) {
            int seq = counts.getOrDefault(scope, 0);
            counts.put(scope, seq + 1);
            return seq;
        }
    }

    private static final class Transaction extends Unit {
        final String txId;
        final List<ChangeEvent> events = new ArrayList<>();
        final Map<String, String> deleters = new HashMap<>();
        long bytes;
        Instant commitTime;

        Transaction(String txId) {
            this.txId = txId;
        }
    }

    private static final class Snapshot extends Unit {
        final long lsn;
        final Instant time;

        Snapshot(long lsn, Instant time) {
            this.lsn = lsn;
            this.time = time;
        }

        String txId() {
            return "snapshot-" + Lsns.format(lsn);
        }
    }
}
