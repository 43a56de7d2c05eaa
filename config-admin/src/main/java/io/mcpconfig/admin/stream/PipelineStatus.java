package io.mcpconfig.admin.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One look at the whole pipeline, for {@code mcpconfig status} and the console. Immutable; a part
 * that could not be read says why in its {@code problem} (null when fine) instead of failing the rest.
 */
public record PipelineStatus(Instant at, Publisher publisher, Materializer materializer, Views views,
                             List<Client> clients, String clientsProblem) {
    public PipelineStatus {
        clients = List.copyOf(clients);
    }

    /**
     * @param state          {@code active} (a publisher streams from the slot), {@code standby} (instances
     *     are up but none streams), {@code down} (none), or {@code unknown} (no database access)
     * @param instances      publisher processes connected (one active, the others standby)
     * @param confirmedLsn   what the slot has confirmed, as PostgreSQL shows it
     * @param slotLagBytes   WAL the slot holds back (current WAL position - confirmed), the publisher's backlog
     * @param lastCommitTime commit time of the newest transaction in the changes topic
     * @param lastCommitLsn  its commit LSN
     * @param lastCommitAge  how long ago that was (quiet databases make this grow: compare with slotLagBytes)
     */
    public record Publisher(String slot, String state, int instances, String confirmedLsn, Long slotLagBytes,
                            Instant lastCommitTime, String lastCommitLsn, Duration lastCommitAge, String problem) {}

    /**
     * @param state      the consumer group's state ({@code STABLE}, {@code EMPTY} when not running, ...)
     * @param members    running stream threads
     * @param partitions lag per partition of the changes topic (end offset - committed offset)
     */
    public record Materializer(String applicationId, String state, int members, List<PartitionLag> partitions,
                               long totalLag, String problem) {
        public Materializer {
            partitions = List.copyOf(partitions);
        }
    }

    public record PartitionLag(int partition, long committed, long end, long lag) {}

    /** @param newestRevision highest revision among the live views, as an LSN; null when there are none */
    public record Views(String topic, int count, String newestRevision, Instant newestUpdatedAt, String problem) {}

    /**
     * One running client-cache, from its latest receipt.
     *
     * @param appliedRevision highest revision it holds, as an LSN (null: none)
     * @param staleness       how old its latest receipt is; {@code stale} when over three heartbeats
     * @param lagRecords      views-topic records it has not read; -1 unknown
     */
    public record Client(String clientId, String host, String status, int viewsHeld, String appliedRevision,
                         long lagRecords, Instant sentAt, Duration staleness, boolean stale) {}
}
