package io.mcpconfig.publisher.internal;

import io.mcpconfig.publisher.PublisherConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run by the active instance before each engine start: compares the slot with the stored offsets
 * and decides whether streaming may resume, must start over, or must not start at all.
 *
 * <ul>
 * <li>offsets and a healthy slot: resume (the normal case);
 * <li>no offsets and no slot: first start, Debezium creates the slot and snapshots;
 * <li>no offsets but a slot: an earlier first start died before its snapshot completed (offsets
 *     are stored only after it did, and the slot is confirmed only after offsets are stored).
 *     Nothing was promised downstream, so the slot is dropped and recreated: a new slot exports
 *     its snapshot, which is what makes the snapshot consistent across the five tables;
 * <li>offsets but the slot is gone, or the slot lost WAL: changes may be missing. Stop with a
 *     one-line error, unless re-snapshotting was asked for: then drop the slot, forget the
 *     offsets and start as new.
 * </ul>
 */
public final class SlotPreparation {
    private static final Logger LOG = LoggerFactory.getLogger(SlotPreparation.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    /** How long a dead holder's walsender may keep the slot before we end it. */
    private static final Duration HOLDER_GRACE = Duration.ofSeconds(10);

    private SlotPreparation() {}

    /**
     * Prepares the slot as described above; returns true if no offsets remain, i.e. Debezium will
     * take the initial snapshot (a first start, an abandoned one, or a requested re-snapshot).
     */
    public static boolean prepare(PublisherConfig config) throws Exception {
        StoredOffsets offsets = StoredOffsets.read(config.kafka(), KAFKA_TIMEOUT);
        try (Connection db = DriverManager.getConnection(config.dbUrl(), config.dbUser(), config.dbPassword())) {
            Optional<SlotState> slot = awaitInactive(db, config.slot());
            String problem = null;
            if (slot.isPresent() && slot.get().walLost()) {
                problem = "replication slot '" + config.slot() + "' lost WAL it still needed (wal_status=lost)";
            } else if (slot.isEmpty() && !offsets.isEmpty()) {
                problem = "replication slot '" + config.slot() + "' is gone, but offsets at LSN " + offsets.describeLsn()
                        + " are stored in " + config.topics().publisherOffsets().name();
            }
            if (problem != null) {
                if (!config.resnapshot()) {
                    throw new FatalPublisherException(problem + ": changes may be missing; set "
                            + PublisherConfig.RESNAPSHOT + "=true to start over with a new snapshot (see cdc-publisher README)");
                }
                LOG.warn("{}; {}=true: dropping the slot and the offsets and taking a new snapshot", problem, PublisherConfig.RESNAPSHOT);
                if (slot.isPresent()) {
                    SlotState.drop(db, config.slot());
                }
                offsets.forget(config.kafka(), KAFKA_TIMEOUT);
                return true;
            } else if (slot.isPresent() && offsets.isEmpty()) {
                LOG.info("slot '{}' exists but no offsets are stored: an earlier snapshot never completed; "
                        + "recreating the slot for a consistent snapshot", config.slot());
                SlotState.drop(db, config.slot());
            } else if (slot.isPresent()) {
                LOG.info("resuming from stored offsets at LSN {} (slot '{}' confirmed up to {})",
                        offsets.describeLsn(), config.slot(), slot.get().confirmedFlushLsn());
            } else {
                LOG.info("no slot '{}' and no stored offsets: first start, taking the initial snapshot", config.slot());
            }
            return offsets.isEmpty();
        }
    }

    /**
     * The slot as soon as no walsender holds it. We hold the leadership lock, so a holder is a
     * dead publisher's walsender the server has not noticed yet, or one that lost its lock and is
     * stopping; after a grace period it is ended.
     */
    private static Optional<SlotState> awaitInactive(Connection db, String slotName) throws Exception {
        long deadline = System.nanoTime() + HOLDER_GRACE.toNanos();
        while (true) {
            Optional<SlotState> slot = SlotState.read(db, slotName);
            if (slot.isEmpty() || !slot.get().active()) {
                return slot;
            }
            if (System.nanoTime() > deadline && slot.get().activePid() != null) {
                LOG.warn("slot '{}' still held by backend {} after {}; ending it", slotName, slot.get().activePid(), HOLDER_GRACE);
                SlotState.terminateHolder(db, slot.get().activePid());
                deadline = System.nanoTime() + HOLDER_GRACE.toNanos();
            }
            Thread.sleep(200);
        }
    }
}
