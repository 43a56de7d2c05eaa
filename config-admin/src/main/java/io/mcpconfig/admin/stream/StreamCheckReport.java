package io.mcpconfig.admin.stream;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of {@link StreamCheck#verify}: the stream is complete and faithful iff
 * {@link #differences()} is empty.
 *
 * @param since          the start of the range checked (null: everything)
 * @param historyRows    history rows checked
 * @param events         row events (INSERT, UPDATE, DELETE) checked
 * @param beforeStream   history rows older than the stream (changed before the publisher's first
 *     snapshot, which carries the rows as they then were): not expected in it
 */
public record StreamCheckReport(Instant since, long historyRows, long events, long beforeStream,
                                List<StreamDifference> differences) {
    public StreamCheckReport {
        differences = List.copyOf(differences);
    }

    public boolean ok() {
        return differences.isEmpty();
    }
}
