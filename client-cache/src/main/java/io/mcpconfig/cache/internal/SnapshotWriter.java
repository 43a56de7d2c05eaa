package io.mcpconfig.cache.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when to write the snapshot and writes it off the consumer thread: the consumer captures
 * views and offsets together (cheap: immutable entries), a background thread does the I/O, so a
 * large snapshot never holds up updates. At most one write at a time; a write still running when
 * the next is due just delays it. Methods are called from the consumer thread only.
 */
final class SnapshotWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotWriter.class);

    private final SnapshotFile file;
    private final Duration interval;
    private final Clock clock;
    private final ViewStore store;
    private final CacheMetrics metrics;
    private final ExecutorService io;
    private long writtenMutations;
    private long nextDueMillis;
    private Future<?> inFlight;

    /** @param file null: no snapshot is ever written */
    SnapshotWriter(SnapshotFile file, Duration interval, Clock clock, ViewStore store, CacheMetrics metrics) {
        this.file = file;
        this.interval = interval;
        this.clock = clock;
        this.store = store;
        this.metrics = metrics;
        this.writtenMutations = store.mutations();
        this.nextDueMillis = clock.millis() + interval.toMillis();
        this.io = file == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mcpconfig-cache-snapshot");
            t.setDaemon(true);
            return t;
        });
    }

    void maybeWrite(Supplier<Snapshot> capture) {
        if (file == null || clock.millis() < nextDueMillis || store.mutations() == writtenMutations
                || (inFlight != null && !inFlight.isDone())) {
            return;
        }
        long mutations = store.mutations();
        Snapshot snapshot = capture.get();
        inFlight = io.submit(() -> write(snapshot));
        writtenMutations = mutations;
        nextDueMillis = clock.millis() + interval.toMillis();
    }

    /** On close: waits for a write in flight, then writes what is held now, on the calling thread. */
    void writeFinal(Supplier<Snapshot> capture) {
        if (file == null) {
            return;
        }
        try {
            if (inFlight != null) {
                inFlight.get();
            }
        } catch (Exception e) {
            LOG.debug("previous snapshot write failed", e);
        }
        io.shutdown();
        if (store.mutations() != writtenMutations) {
            write(capture.get());
        }
    }

    private void write(Snapshot snapshot) {
        long start = System.nanoTime();
        try {
            file.write(snapshot);
            metrics.snapshotWrites.increment();
            LOG.debug("wrote snapshot of {} views to {} in {} ms", snapshot.views().size(), file.path(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            metrics.snapshotWriteFailures.increment();
            LOG.error("could not write the snapshot {}: {}; the previous one stays", file.path(), e.toString());
        }
    }
}
