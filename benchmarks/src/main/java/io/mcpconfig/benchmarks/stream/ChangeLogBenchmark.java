package io.mcpconfig.benchmarks.stream;

import io.mcpconfig.admin.stream.AuditCursor;
import io.mcpconfig.admin.stream.AuditFormat;
import io.mcpconfig.admin.stream.AuditQuery;
import io.mcpconfig.admin.stream.ChangeLog;
import io.mcpconfig.admin.stream.RebuildReport;
import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.ConfigTable;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.serde.AvroSerdes;
import io.mcpconfig.schemas.topics.TopicSpec;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The auditor and ops side over a large change stream: {@code audit --since} (time to the first
 * line and in total), {@code as-of} for one org, and the {@code views rebuild} rate. Writes a
 * synthetic changes topic straight to a real in-process broker (no publisher: the figures are of
 * the readers): 1,000 orgs, transactions of one row event and its COMMIT marker spread over 30
 * simulated days, record timestamps = commit times as the publisher's would be (send time ~ commit).
 *
 * <p>Run: {@code mvn -B -ntp -pl benchmarks -am package -DskipTests && java -cp benchmarks/target/benchmarks.jar
 * io.mcpconfig.benchmarks.stream.ChangeLogBenchmark [events]} (default 1,000,000).
 */
public final class ChangeLogBenchmark {
    private static final int ORGS = 1000;
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration SPAN = Duration.ofDays(30);

    private ChangeLogBenchmark() {}

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        try (KafkaBroker broker = KafkaBroker.start()) {
            Topics topics = Topics.withPrefix("bench", 6);
            for (TopicSpec<?, ?> spec : new TopicSpec<?, ?>[] {topics.changes(), topics.views()}) {
                broker.admin().createTopics(java.util.List.of(spec.newTopic(Optional.empty()))).all().get();
            }
            long t0 = System.nanoTime();
            long written = write(broker, topics, events);
            System.out.printf("wrote %,d events in %.1f s%n", written, (System.nanoTime() - t0) / 1e9);
            KafkaSettings kafka = KafkaSettings.of(broker.bootstrapServers(), topics);
            try (ChangeLog log = ChangeLog.connect(kafka)) {
                audit(log, START, "audit --since <start> (all " + written + " events)");
                audit(log, START.plus(SPAN.multipliedBy(9).dividedBy(10)), "audit --since <last 10% of the span>");
                auditOrg(log, "org0042", "audit --org org0042 (one partition)");
                asOf(log, "org0042", START.plus(SPAN.dividedBy(2)));
                asOf(log, "org0042", START.plus(SPAN));
                long r0 = System.nanoTime();
                RebuildReport report = log.rebuildViews("bench.views.rebuilt", false, p -> { });
                double s = (System.nanoTime() - r0) / 1e9;
                System.out.printf("views rebuild: %,d events -> %,d views in %.1f s (%,.0f events/s)%n",
                        report.eventsRead(), report.views().size(), s, report.eventsRead() / s);
            }
        }
    }

    private static void audit(ChangeLog log, Instant since, String what) {
        long t0 = System.nanoTime();
        double first = -1;
        long n = 0;
        long chars = 0;
        try (AuditCursor c = log.audit(new AuditQuery(null, null, null, null, since, null, null), false)) {
            while (c.hasNext()) {
                chars += AuditFormat.JSONL.line(c.next()).length(); // formatted as the command prints it
                if (n++ == 0) {
                    first = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        double total = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: %,d entries (%,d MB of jsonl), first line after %.0f ms, total %.1f s (%,.0f entries/s)%n",
                what, n, chars >> 20, first, total, n / total);
    }

    private static void auditOrg(ChangeLog log, String org, String what) {
        long t0 = System.nanoTime();
        long n = 0;
        try (AuditCursor c = log.audit(new AuditQuery(org, null, null, null, null, null, null), false)) {
            while (c.hasNext()) {
                c.next();
                n++;
            }
        }
        System.out.printf("%s: %,d entries in %.1f s%n", what, n, (System.nanoTime() - t0) / 1e9);
    }

    private static void asOf(ChangeLog log, String org, Instant at) {
        long t0 = System.nanoTime();
        Optional<OrgView> v = log.asOf(org, at);
        System.out.printf("as-of --org %s --at %s: %d prompts, in %.1f s%n", org, at,
                v.map(x -> x.getPrompts().size()).orElse(-1), (System.nanoTime() - t0) / 1e9);
    }

    /** Orgs and defaults first (as a snapshot would), then random prompt upserts, each its own transaction. */
    private static long write(KafkaBroker broker, Topics topics, long events) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        Random random = new Random(7);
        String topic = topics.changes().name();
        long lsn = 1;
        long written = 0;
        long transactions = events / 2;
        Map<String, Long> versions = new HashMap<>();
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (long tx = 0; tx < transactions; tx++) {
                Instant at = START.plusMillis(SPAN.toMillis() * tx / transactions);
                lsn += 1 + random.nextInt(200);
                String scope;
                ChangeEvent row;
                if (tx < ORGS) {
                    scope = String.format("org%04d", tx);
                    row = event(scope, ChangeOp.INSERT, ConfigTable.ORGANIZATION, scope,
                            new OrganizationRow(scope, scope, true, 1L, at, "bench"), 1, lsn, at);
                } else if (tx == ORGS || random.nextInt(50) == 0) {
                    scope = Scopes.DEFAULTS;
                    String name = "p" + random.nextInt(20);
                    long v = versions.merge(scope + name, 1L, Long::sum);
                    row = event(scope, v == 1 ? ChangeOp.INSERT : ChangeOp.UPDATE, ConfigTable.DEFAULT_PROMPT, name,
                            new PromptRow(null, name, "t", null, "Default " + tx + " {{x}}", null, null, true, v, at, "bench"), v, lsn, at);
                } else {
                    scope = String.format("org%04d", random.nextInt(ORGS));
                    String name = "p" + random.nextInt(20);
                    long v = versions.merge(scope + name, 1L, Long::sum);
                    row = event(scope, v == 1 ? ChangeOp.INSERT : ChangeOp.UPDATE, ConfigTable.ORGANIZATION_PROMPT, name,
                            new PromptRow(scope, name, null, null, "Override " + tx + " {{x}}", null, null, null, v, at, "bench"), v, lsn, at);
                }
                ChangeEvent commit = ChangeEvent.newBuilder().setScope(scope).setOp(ChangeOp.COMMIT).setTxId(row.getTxId())
                        .setCommitLsn(lsn).setCommitTime(at).setEventCount(1).build();
                p.send(new ProducerRecord<>(topic, null, at.toEpochMilli(), scope, AvroSerdes.changeEvent().serialize(topic, row)));
                p.send(new ProducerRecord<>(topic, null, at.toEpochMilli(), scope, AvroSerdes.changeEvent().serialize(topic, commit)));
                written += 2;
            }
            p.flush();
        }
        return written;
    }

    private static ChangeEvent event(String scope, ChangeOp op, ConfigTable table, String key, Object after, long version,
                                     long lsn, Instant at) {
        return ChangeEvent.newBuilder().setScope(scope).setOp(op).setTable(table).setRowKey(key).setAfter(after)
                .setVersion(version).setActor("bench").setTxId(lsn + ":" + Long.toHexString(lsn)).setCommitLsn(lsn)
                .setCommitTime(at).setSeq(0).setEventCount(0).build();
    }
}
