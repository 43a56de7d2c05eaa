package io.mcpconfig.publisher.internal;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.mcpconfig.schemas.avro.ChangeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's handler: frames records, produces the events, and marks a record processed only
 * once it closes a complete unit (a transaction's END, the snapshot's last record, or a
 * heartbeat between transactions) AND Kafka acknowledged every event sent so far. So the stored
 * offset never points inside a transaction, and a restart replays an interrupted transaction from
 * its beginning: same txId, commit LSN and seq numbers, so the replayed events overwrite
 * themselves downstream. Runs on the engine's single handler thread.
 */
public final class ChangeSender implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeSender.class);
    /** Snapshot events are not buffered; waiting every so many keeps the futures list small. */
    private static final int MAX_UNACKED = 5_000;

    private final RecordDecoder decoder;
    private final TransactionFramer framer;
    private final Producer<String, ChangeEvent> producer;
    private final String topic;
    private final Duration ackTimeout;
    private final PublisherMetrics metrics;
    private final List<Future<RecordMetadata>> unacked = new ArrayList<>();
    private volatile RuntimeException fatal;

    public ChangeSender(RecordDecoder decoder, TransactionFramer framer, Producer<String, ChangeEvent> producer,
                        String topic, Duration ackTimeout, PublisherMetrics metrics) {
        this.decoder = decoder;
        this.framer = framer;
        this.producer = producer;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
        this.metrics = metrics;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> records,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        RecordChangeEvent<SourceRecord> completeUpTo = null;
        for (RecordChangeEvent<SourceRecord> record : records) {
            Decoded decoded = decoder.decode(record.record());
            if (decoded instanceof Decoded.Skipped skipped) {
                metrics.skipped();
                LOG.warn("skipped a change: {}", skipped.reason());
            }
            TransactionFramer.Step step;
            try {
                step = framer.accept(decoded);
            } catch (TransactionTooLargeException e) {
                fatal = e; // retrying cannot help: the same transaction comes back
                throw e;
            }
            for (ChangeEvent event : step.send()) {
                unacked.add(producer.send(new ProducerRecord<>(topic, event.getScope(), event)));
                metrics.event(event.getOp());
            }
            if (step.complete()) {
                completeUpTo = record;
                if (step.committedAt() != null) {
                    metrics.committed(step.commitLsn(), step.committedAt());
                }
            } else if (unacked.size() >= MAX_UNACKED) {
                awaitAcks();
            }
        }
        if (completeUpTo != null) {
            // Sends are asynchronous (linger 0: each goes out at once); one wait per batch keeps
            // throughput up without delaying any event.
            awaitAcks();
            // Offsets are positions: marking the last complete record stores the same as marking all before it.
            committer.markProcessed(completeUpTo);
        }
        committer.markBatchFinished();
    }

    /** An error that restarting the engine would only repeat, or null. */
    public RuntimeException fatal() {
        return fatal;
    }

    @Override
    public boolean supportsTombstoneEvents() {
        return false;
    }

    private void awaitAcks() throws InterruptedException {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        try {
            for (Future<RecordMetadata> f : unacked) {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a change event: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge change events within " + ackTimeout, e);
        } finally {
            unacked.clear();
        }
    }
}
