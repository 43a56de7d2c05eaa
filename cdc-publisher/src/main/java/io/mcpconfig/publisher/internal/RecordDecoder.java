package io.mcpconfig.publisher.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debezium.connector.SnapshotRecord;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.ConfigTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns the records of Debezium's PostgreSQL connector into {@link Decoded} values. Knows the
 * record shapes: transaction metadata on {@code <topic.prefix>.transaction}, logical decoding
 * messages on {@code <topic.prefix>.message}, row changes as envelopes with {@code op} and
 * {@code source}. Stateless and thread-safe.
 */
public final class RecordDecoder {
    /** Prefix of the message the database emits before each delete (trigger mcpconfig_announce_delete). */
    public static final String ACTOR_MESSAGE_PREFIX = "mcpconfig.actor";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String transactionTopic;
    private final String messageTopic;

    public RecordDecoder(String debeziumTopicPrefix) {
        this.transactionTopic = debeziumTopicPrefix + ".transaction";
        this.messageTopic = debeziumTopicPrefix + ".message";
    }

    public Decoded decode(SourceRecord record) {
        if (!(record.value() instanceof Struct value)) {
            return new Decoded.Other();
        }
        if (transactionTopic.equals(record.topic())) {
            return transaction(record, value);
        }
        if (messageTopic.equals(record.topic())) {
            return message(value);
        }
        if (value.schema().field("op") != null && value.schema().field("source") != null) {
            return row(value);
        }
        return new Decoded.Other();
    }

    private static Decoded transaction(SourceRecord record, Struct value) {
        String txId = value.getString("id");
        if ("BEGIN".equals(value.getString("status"))) {
            return new Decoded.Begin(txId);
        }
        // The END record is produced right after the COMMIT message, so its offset's lsn_commit is
        // this transaction's commit position (the end of its commit record).
        Map<String, ?> offset = record.sourceOffset();
        Object commitLsn = offset.get("lsn_commit");
        if (!(commitLsn instanceof Number lsn)) {
            throw new IllegalStateException("END of transaction " + txId + " carries no lsn_commit: " + offset);
        }
        Long ts = value.getInt64("ts_ms");
        return new Decoded.End(txId, lsn.longValue(), ts == null ? Instant.now() : Instant.ofEpochMilli(ts));
    }

    private static Decoded message(Struct value) {
        Struct message = value.getStruct("message");
        if (message == null || !ACTOR_MESSAGE_PREFIX.equals(message.getString("prefix"))) {
            return new Decoded.Other();
        }
        Object content = message.get("content");
        String json = content instanceof byte[] b ? new String(b, StandardCharsets.UTF_8)
                : content instanceof ByteBuffer buffer ? StandardCharsets.UTF_8.decode(buffer.duplicate()).toString()
                : String.valueOf(content);
        try {
            JsonNode node = JSON.readTree(json);
            Optional<ConfigTable> table = RowMapper.table(node.path("table").asText());
            if (table.isEmpty()) {
                return new Decoded.Other();
            }
            return new Decoded.DeleteActor(table.get(), node.path("scope").asText(), node.path("key").asText(),
                    node.path("actor").isNull() ? null : node.path("actor").asText(null));
        } catch (IOException e) {
            return new Decoded.Other(); // an announcement we can't read only costs the fallback actor
        }
    }

    private static Decoded row(Struct value) {
        Struct source = value.getStruct("source");
        Optional<ConfigTable> table = RowMapper.table(source.getString("table"));
        if (table.isEmpty()) {
            return new Decoded.Skipped("change of table " + source.getString("table") + " is not ours", endsSnapshot(source));
        }
        String code = value.getString("op");
        ChangeOp op = switch (code) {
            case "r" -> ChangeOp.SNAPSHOT;
            case "c" -> ChangeOp.INSERT;
            case "u" -> ChangeOp.UPDATE;
            case "d" -> ChangeOp.DELETE;
            default -> null;
        };
        if (op == null) {
            return new Decoded.Skipped("operation '" + code + "' on " + table.get() + " is not a row change", false);
        }
        try {
            Struct beforeImage = value.getStruct("before");
            Struct afterImage = value.getStruct("after");
            Object before = beforeImage == null ? null : RowMapper.map(table.get(), beforeImage);
            Object after = afterImage == null ? null : RowMapper.map(table.get(), afterImage);
            Object image = after != null ? after : before;
            if (image == null || (op == ChangeOp.DELETE && before == null)) {
                return new Decoded.Skipped(op + " on " + table.get() + " without a row image", endsSnapshot(source));
            }
            long version = op == ChangeOp.DELETE ? RowMapper.version(before) + 1 : RowMapper.version(after);
            Boolean lastOfSnapshot = op != ChangeOp.SNAPSHOT ? null : endsSnapshot(source);
            Long lsn = source.getInt64("lsn");
            Long ts = source.getInt64("ts_ms");
            long bytes = (before == null ? 0 : RowMapper.approxBytes(before)) + (after == null ? 0 : RowMapper.approxBytes(after));
            return new Decoded.Row(table.get(), op, RowMapper.scope(image), RowMapper.key(image), before, after, version,
                    RowMapper.updatedBy(image), lsn == null ? 0 : lsn, ts == null ? Instant.now() : Instant.ofEpochMilli(ts),
                    lastOfSnapshot, bytes);
        } catch (RuntimeException e) {
            return new Decoded.Skipped(op + " on " + table.get() + " could not be mapped: " + e.getMessage(), endsSnapshot(source));
        }
    }

    private static boolean endsSnapshot(Struct source) {
        return SnapshotRecord.fromSource(source) == SnapshotRecord.LAST;
    }
}
