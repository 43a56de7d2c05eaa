package io.mcpconfig.admin.stream;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code audit verify}: proves the change stream complete against {@code config_history}, the
 * database's own record of every row change. Every history row must have its row event, with the
 * same operation, actor, version and row content; every row event must have its history row.
 * History rows older than the stream's first event are not expected in it (the first snapshot
 * carries the rows as they then were). Duplicated events (at-least-once) are fine when equal.
 */
public final class StreamCheck {
    private StreamCheck() {}

    /**
     * Reads the history (from {@code since}, null: all) and then the stream to its end; history rows
     * still without an event are waited for up to {@code grace} (the publisher may not have sent
     * them yet) before they count as missing.
     */
    public static StreamCheckReport verify(ChangeLog log, Connection db, Instant since, Duration grace)
            throws SQLException {
        Map<HistoryRows.Key, HistoryRows.Entry> history = new LinkedHashMap<>();
        for (HistoryRows.Entry h : HistoryRows.since(db, since)) {
            history.put(h.id(), h);
        }
        long historyRows = history.size();
        Instant streamStart = log.firstCommitTime().orElse(Instant.MAX);
        List<StreamDifference> differences = new ArrayList<>();
        Map<HistoryRows.Key, ChangeEvent> seen = new HashMap<>();
        long events = 0;
        List<TopicPartition> partitions = log.changesPartitions();
        Map<TopicPartition, Long> from = null;
        long deadline = System.nanoTime() + grace.toNanos();
        do {
            OrderedReader reader = log.reader(partitions, since, null, false, from);
            try {
                while (reader.hasNext()) {
                    ChangeEvent e = reader.next();
                    if (e.getOp() == ChangeOp.COMMIT || e.getOp() == ChangeOp.SNAPSHOT || e.getTable() == null) {
                        continue;
                    }
                    events++;
                    check(db, e, history, seen, differences);
                }
                from = reader.endOffsets();
            } finally {
                reader.release();
            }
        } while (missingAfter(history, streamStart) && System.nanoTime() < deadline && pause());
        long beforeStream = 0;
        for (HistoryRows.Entry h : history.values()) {
            if (h.changedAt().isBefore(streamStart)) {
                beforeStream++;
            } else {
                differences.add(new StreamDifference(StreamDifference.Kind.MISSING_EVENT, h.id().toString(),
                        h.op() + " by " + h.actor() + " at " + h.changedAt() + " is in config_history but not in the stream"));
            }
        }
        return new StreamCheckReport(since, historyRows, events, beforeStream, differences);
    }

    private static void check(Connection db, ChangeEvent e, Map<HistoryRows.Key, HistoryRows.Entry> history,
                              Map<HistoryRows.Key, ChangeEvent> seen, List<StreamDifference> differences)
            throws SQLException {
        HistoryRows.Key key = new HistoryRows.Key(e.getTable(), e.getScope(), e.getRowKey(), e.getVersion());
        ChangeEvent earlier = seen.putIfAbsent(key, e);
        if (earlier != null) {
            if (!earlier.getTxId().equals(e.getTxId()) || !Objects.equals(image(earlier), image(e))) {
                differences.add(new StreamDifference(StreamDifference.Kind.EXTRA_EVENT, key.toString(),
                        "two different events (transactions " + earlier.getTxId() + " and " + e.getTxId() + ")"));
            }
            return; // a replayed duplicate
        }
        HistoryRows.Entry h = history.remove(key);
        if (h == null) {
            h = HistoryRows.find(db, key); // changed before 'since' but committed after it, or absent
            if (h == null) {
                differences.add(new StreamDifference(StreamDifference.Kind.EXTRA_EVENT, key.toString(),
                        e.getOp() + " by " + e.getActor() + " in transaction " + e.getTxId() + " is not in config_history"));
                return;
            }
        }
        if (h.op() != e.getOp()) {
            differences.add(new StreamDifference(StreamDifference.Kind.OPERATION, key.toString(),
                    "history " + h.op() + ", stream " + e.getOp()));
        }
        if (!Objects.equals(h.actor(), e.getActor())) {
            differences.add(new StreamDifference(StreamDifference.Kind.ACTOR, key.toString(),
                    "history '" + h.actor() + "', stream '" + e.getActor() + "'"));
        }
        Object image = image(e);
        if (!Objects.equals(h.row(), image)) {
            differences.add(new StreamDifference(StreamDifference.Kind.CONTENT, key.toString(),
                    "fields " + RowFields.changed(RowFields.of(h.row()), RowFields.of(image)) + " differ: history "
                            + RowFields.of(h.row()) + ", stream " + RowFields.of(image)));
        }
    }

    /** The row as the history records it: the after-image, or for a delete the row as it was. */
    private static Object image(ChangeEvent e) {
        return e.getOp() == ChangeOp.DELETE ? e.getBefore() : e.getAfter();
    }

    private static boolean missingAfter(Map<HistoryRows.Key, HistoryRows.Entry> history, Instant streamStart) {
        return history.values().stream().anyMatch(h -> !h.changedAt().isBefore(streamStart));
    }

    private static boolean pause() {
        try {
            Thread.sleep(500); // the publisher's next batch; this is a wait for another process, not a test
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
