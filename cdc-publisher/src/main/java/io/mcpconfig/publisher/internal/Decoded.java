package io.mcpconfig.publisher.internal;

import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.ConfigTable;
import java.time.Instant;

/** What one Debezium record means to the publisher; {@link RecordDecoder} makes these. */
public sealed interface Decoded {

    /** A transaction starts (Debezium transaction metadata, status BEGIN). */
    record Begin(String txId) implements Decoded {}

    /**
     * A transaction ends (status END). {@code commitLsn} is the end of its commit record: the
     * same for all its changes, and increasing in the order transactions are decoded (commit order).
     */
    record End(String txId, long commitLsn, Instant commitTime) implements Decoded {}

    /**
     * One row change. {@code row} is already mapped; {@code before}/{@code after} are Avro rows
     * or null. {@code snapshot} is null when streamed, else whether it is the snapshot's last record.
     */
    record Row(ConfigTable table, ChangeOp op, String scope, String rowKey, Object before, Object after,
               long version, String updatedBy, long sourceLsn, Instant sourceTime, Boolean lastOfSnapshot,
               long approxBytes) implements Decoded {
        boolean isSnapshot() {
            return lastOfSnapshot != null;
        }
    }

    /** The deleter of a row, announced by the database just before the delete (prefix mcpconfig.actor). */
    record DeleteActor(ConfigTable table, String scope, String rowKey, String actor) implements Decoded {}

    /**
     * A row change that could not be mapped: skipped with a reason, counted. {@code endsSnapshot}
     * if it was the snapshot's last record, which still closes the snapshot.
     */
    record Skipped(String reason, boolean endsSnapshot) implements Decoded {}

    /** Anything else (heartbeats, other messages): carries a position only. */
    record Other() implements Decoded {}
}
