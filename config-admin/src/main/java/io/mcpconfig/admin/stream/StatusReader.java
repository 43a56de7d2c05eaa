package io.mcpconfig.admin.stream;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ClientReceipt;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.serde.AvroSerdes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads {@link PipelineStatus}: the publisher from {@code pg_replication_slots} and the changes
 * topic's newest commits, the materializer from its consumer group's committed offsets, the views
 * from the views topic, and the caches from their receipts in {@code <prefix>.clients}. Reads only.
 */
public final class StatusReader {
    /** The publisher's advisory-lock connection names itself so (see cdc-publisher's Leadership). */
    static final String PUBLISHER_APPLICATION_NAME = "mcpconfig-publisher-lock";

    private StatusReader() {}

    /**
     * @param db   a connection to the config database, or null (the publisher part is then {@code unknown})
     * @param slot the publisher's replication slot ({@code MCPCONFIG_SLOT})
     */
    public static PipelineStatus read(ChangeLog log, KafkaSettings kafka, Connection db, String slot, Clock clock) {
        Instant now = clock.instant();
        try (Admin admin = Clients.admin(kafka)) {
            ClientsPart clients = guard(() -> new ClientsPart(clients(kafka, admin, now), null),
                    e -> new ClientsPart(List.of(), e));
            return new PipelineStatus(now, publisher(log, kafka, db, slot, now),
                    guard(() -> materializer(kafka, admin), e -> new PipelineStatus.Materializer(
                            kafka.topics().materializerApplicationId(), "unknown", 0, List.of(), -1, e)),
                    guard(() -> views(log), e -> new PipelineStatus.Views(kafka.topics().views().name(), 0, null, null, e)),
                    clients.list, clients.problem);
        }
    }

    private static PipelineStatus.Publisher publisher(ChangeLog log, KafkaSettings kafka, Connection db, String slot,
                                                      Instant now) {
        String state = "unknown";
        int instances = 0;
        String confirmed = null;
        Long lag = null;
        String problem = null;
        if (db != null) {
            try {
                try (PreparedStatement ps = db.prepareStatement("SELECT active, confirmed_flush_lsn::text, "
                        + "pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint FROM pg_replication_slots "
                        + "WHERE slot_name = ?")) {
                    ps.setString(1, slot);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            state = rs.getBoolean(1) ? "active" : "standby";
                            confirmed = rs.getString(2);
                            lag = rs.getObject(3) == null ? null : rs.getLong(3);
                        } else {
                            problem = "no replication slot '" + slot + "' (the publisher never ran, or runs with another MCPCONFIG_SLOT)";
                        }
                    }
                }
                try (PreparedStatement ps = db.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
                    ps.setString(1, PUBLISHER_APPLICATION_NAME);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        instances = rs.getInt(1);
                    }
                }
                if (instances == 0) {
                    state = "down";
                } else if ("standby".equals(state) || problem != null) {
                    state = "standby";
                }
            } catch (SQLException e) {
                problem = "database: " + e.getMessage();
            }
        } else {
            problem = "no database settings: set MCPCONFIG_DB_URL to see the slot";
        }
        ChangeEvent last = null;
        try {
            last = lastCommit(log, kafka);
        } catch (RuntimeException e) {
            problem = (problem == null ? "" : problem + "; ") + e.getMessage();
        }
        return new PipelineStatus.Publisher(slot, state, instances, confirmed, lag,
                last == null ? null : last.getCommitTime(), last == null ? null : Lsn.format(last.getCommitLsn()),
                last == null ? null : Duration.between(last.getCommitTime(), now), problem);
    }

    /** The newest event of the changes topic: the last record of each partition, the highest commit LSN of those. */
    private static ChangeEvent lastCommit(ChangeLog log, KafkaSettings kafka) {
        List<TopicPartition> partitions = log.changesPartitions();
        ChangeEvent newest = null;
        try (KafkaConsumer<String, byte[]> c = Clients.reader(kafka)) {
            c.assign(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
            List<TopicPartition> pending = new ArrayList<>();
            for (TopicPartition p : partitions) {
                if (end.get(p) > begin.get(p)) {
                    pending.add(p);
                }
            }
            c.assign(pending); // only partitions with a last record: the others have no position to fetch from
            for (TopicPartition p : pending) {
                c.seek(p, end.get(p) - 1);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pending.stream().anyMatch(p -> c.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(java.time.Duration.ofMillis(200))) {
                    try {
                        ChangeEvent e = AvroSerdes.changeEvent().deserialize(r.topic(), r.value());
                        if (e != null && (newest == null || e.getCommitLsn() > newest.getCommitLsn())) {
                            newest = e;
                        }
                    } catch (RuntimeException undecodable) {
                        // the status shows what it can; the audit reports undecodable records
                    }
                }
            }
        }
        return newest;
    }

    private static PipelineStatus.Materializer materializer(KafkaSettings kafka, Admin admin) throws Exception {
        String group = kafka.topics().materializerApplicationId();
        String changes = kafka.topics().changes().name();
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all()
                .get(Clients.TIMEOUT_MS, TimeUnit.MILLISECONDS).get(group);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(Clients.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = Clients.partitions(admin, changes);
        Map<TopicPartition, Long> end;
        try (KafkaConsumer<String, byte[]> c = Clients.reader(kafka)) {
            c.assign(partitions);
            end = c.endOffsets(partitions);
        }
        List<PipelineStatus.PartitionLag> lags = new ArrayList<>();
        long total = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata o = committed.get(p);
            long at = o == null ? 0 : o.offset();
            long lag = Math.max(0, end.get(p) - at);
            total += lag;
            lags.add(new PipelineStatus.PartitionLag(p.partition(), o == null ? -1 : o.offset(), end.get(p), lag));
        }
        return new PipelineStatus.Materializer(group, d.groupState().toString(), d.members().size(), lags, total,
                committed.isEmpty() ? "no committed offsets: the materializer never ran with this topic prefix" : null);
    }

    private static PipelineStatus.Views views(ChangeLog log) {
        Map<String, OrgView> views = log.liveViews();
        OrgView newest = views.values().stream().max(Comparator.comparingLong(OrgView::getRevision)).orElse(null);
        return new PipelineStatus.Views(log.topics().views().name(), views.size(),
                newest == null ? null : Lsn.format(newest.getRevision()), newest == null ? null : newest.getUpdatedAt(), null);
    }

    private static List<PipelineStatus.Client> clients(KafkaSettings kafka, Admin admin, Instant now) {
        String topic = kafka.topics().clients().name();
        Map<String, ClientReceipt> receipts = new HashMap<>();
        List<TopicPartition> partitions = Clients.partitions(admin, topic);
        try (KafkaConsumer<String, byte[]> c = Clients.reader(kafka)) {
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(java.time.Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        receipts.remove(r.key());
                    } else {
                        try {
                            receipts.put(r.key(), AvroSerdes.clientReceipt().deserialize(topic, r.value()));
                        } catch (RuntimeException undecodable) {
                            // a receipt of a newer, unreleased schema: shown once a release knows it
                        }
                    }
                }
            }
        }
        List<PipelineStatus.Client> clients = new ArrayList<>();
        for (ClientReceipt r : receipts.values()) {
            Duration age = Duration.between(r.getSentAt(), now);
            clients.add(new PipelineStatus.Client(r.getClientId(), r.getHost(), r.getStatus(), r.getViewsHeld(),
                    r.getAppliedRevision() < 0 ? null : Lsn.format(r.getAppliedRevision()), r.getLagRecords(),
                    r.getSentAt(), age.isNegative() ? Duration.ZERO : age,
                    age.toMillis() > 3 * r.getHeartbeatMillis()));
        }
        clients.sort(Comparator.comparing(PipelineStatus.Client::host).thenComparing(PipelineStatus.Client::clientId));
        return clients;
    }

    private record ClientsPart(List<PipelineStatus.Client> list, String problem) {}

    private interface Part<T> {
        T get() throws Exception;
    }

    private static <T> T guard(Part<T> part, java.util.function.Function<String, T> failed) {
        try {
            return part.get();
        } catch (ExecutionException e) {
            return failed.apply(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed.apply("interrupted");
        } catch (Exception e) {
            return failed.apply(e.getMessage());
        }
    }
}
