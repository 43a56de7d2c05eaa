package io.mcpconfig.admin.stream;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.serde.AvroSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change events of some partitions in commit order. Each partition is in commit order already
 * (a scope's events go to one partition, in the order the publisher sent them, which is commit
 * order); across partitions this merges by commit LSN, taking the smallest head only once every
 * unfinished partition has one, so the result is one global commit order. Up to the end offsets
 * taken at open; with {@code follow}, then every new event as it comes.
 *
 * <p>Starts at the first record at or after {@code since} by record timestamp (the broker's index,
 * not a scan from the start): a record's timestamp is its send time, never before its commit, so
 * no event committed at or after {@code since} is before that offset. A partition ends at its first
 * event committed after {@code until}. Records that don't decode are skipped and counted.
 * Not thread-safe, except {@link #close()} may be called from another thread to end a follow.
 */
final class OrderedReader implements Iterator<ChangeEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrderedReader.class);
    private static final int PAUSE_AT = 20_000;
    private static final int RESUME_AT = 2_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, Long> end;
    private final Instant until;
    private final boolean follow;
    private final Map<TopicPartition, ArrayDeque<ChangeEvent>> queues = new HashMap<>();
    private final Set<TopicPartition> finished = new HashSet<>();
    private final Set<TopicPartition> paused = new HashSet<>();
    /** Read up to the end offsets taken at open: an empty queue there holds nothing earlier back. */
    private final Set<TopicPartition> caughtUp = new HashSet<>();
    private boolean closed;
    private long undecodable;
    private long read;
    private ChangeEvent next;

    /** @param startAt where to start instead (e.g. where an earlier read ended); null: from {@code since} or the beginning */
    OrderedReader(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions, Instant since,
                  Instant until, boolean follow, Map<TopicPartition, Long> startAt) {
        this.consumer = consumer;
        this.until = until;
        this.follow = follow;
        consumer.assign(partitions);
        Map<TopicPartition, Long> start = new HashMap<>(consumer.beginningOffsets(partitions));
        if (startAt != null) {
            startAt.forEach((p, o) -> start.put(p, Math.max(o, start.get(p))));
        } else if (since != null) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp at = found.get(p);
                start.put(p, at == null ? ends.get(p) : at.offset());
            }
        }
        start.forEach(consumer::seek);
        this.end = new HashMap<>(consumer.endOffsets(partitions));
        for (TopicPartition p : partitions) {
            queues.put(p, new ArrayDeque<>());
            if (start.get(p) >= end.get(p)) {
                caughtUp.add(p);
                if (!follow) {
                    finished.add(p);
                }
            }
        }
    }

    /** Records read so far (decoded or not). */
    long recordsRead() {
        return read;
    }

    /** Records skipped because they did not decode as a ChangeEvent. */
    long undecodable() {
        return undecodable;
    }

    /** Records between the start and the end offsets taken at open, for progress; an upper bound of what is read. */
    long remainingAtOpen(Map<TopicPartition, Long> startOffsets) {
        long total = 0;
        for (var e : end.entrySet()) {
            total += Math.max(0, e.getValue() - startOffsets.getOrDefault(e.getKey(), 0L));
        }
        return total;
    }

    Map<TopicPartition, Long> endOffsets() {
        return Map.copyOf(end);
    }

    @Override
    public boolean hasNext() {
        while (next == null && !closed) {
            TopicPartition ready = pickReady();
            if (ready != null) {
                next = queues.get(ready).poll();
                resumeIfDrained(ready);
                return true;
            }
            if (!follow && finished.size() == queues.size()) {
                return false;
            }
            pollOnce();
        }
        return next != null;
    }

    @Override
    public ChangeEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ChangeEvent e = next;
        next = null;
        return e;
    }

    /** The partition whose head comes next, or null if a partition that may still deliver has none buffered. */
    private TopicPartition pickReady() {
        TopicPartition best = null;
        ChangeEvent bestHead = null;
        for (var q : queues.entrySet()) {
            ChangeEvent head = q.getValue().peek();
            if (head == null) {
                if (!finished.contains(q.getKey()) && !caughtUp.contains(q.getKey())) {
                    return null; // it may still hold an earlier commit
                }
                continue;
            }
            if (bestHead == null || head.getCommitLsn() < bestHead.getCommitLsn()) {
                best = q.getKey();
                bestHead = head;
            }
        }
        return best;
    }

    private void pollOnce() {
        try {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                read++;
                TopicPartition p = new TopicPartition(r.topic(), r.partition());
                if (finished.contains(p) || (!follow && r.offset() >= end.get(p))) {
                    continue; // past the end of this read
                }
                ChangeEvent e = decode(r);
                if (e == null) {
                    continue;
                }
                if (until != null && e.getCommitTime().isAfter(until)) {
                    finishPartition(p);
                    continue;
                }
                queues.get(p).add(e);
            }
        } catch (WakeupException e) {
            closed = true;
            return;
        }
        for (TopicPartition p : queues.keySet()) {
            if (!caughtUp.contains(p) && consumer.position(p) >= end.get(p)) {
                caughtUp.add(p);
                if (!follow) {
                    finished.add(p);
                }
            }
            if (!paused.contains(p) && queues.get(p).size() >= PAUSE_AT) {
                consumer.pause(List.of(p)); // bound memory while another partition lags behind
                paused.add(p);
            }
        }
    }

    private void finishPartition(TopicPartition p) {
        finished.add(p);
        if (!paused.contains(p)) {
            consumer.pause(List.of(p));
            paused.add(p);
        }
    }

    private void resumeIfDrained(TopicPartition p) {
        if (paused.contains(p) && !finished.contains(p) && queues.get(p).size() <= RESUME_AT) {
            consumer.resume(List.of(p));
            paused.remove(p);
        }
    }

    private ChangeEvent decode(ConsumerRecord<String, byte[]> r) {
        try {
            return AvroSerdes.changeEvent().deserialize(r.topic(), r.value());
        } catch (SerializationException e) {
            undecodable++;
            LOG.warn("skipped record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            return null;
        }
    }

    /** Ends the read; safe from another thread (a follow ends at its next poll). */
    @Override
    public void close() {
        consumer.wakeup();
    }

    /** Releases the consumer; call from the reading thread when done. */
    void release() {
        consumer.close(Duration.ofSeconds(5));
    }
}
