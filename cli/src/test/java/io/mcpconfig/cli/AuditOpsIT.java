package io.mcpconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpconfig.admin.stream.ChangeLog;
import io.mcpconfig.admin.stream.PipelineStatus;
import io.mcpconfig.admin.stream.StatusReader;
import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.merge.ContentHash;
import io.mcpconfig.schemas.serde.AvroSerdes;
import io.mcpconfig.testkit.TestNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor and ops commands through the CLI entry point (captured output) against the real
 * pipeline: PostgreSQL -> publisher -> changes -> materializer -> views, and real caches. One
 * pipeline for the class; the test that tampers with a live view runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditOpsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path stateDir;
    private Pipeline pipeline;
    private Cli cli;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        stateDir = dir;
        pipeline = new Pipeline("auditops", stateDir);
        cli = pipeline.cli();
        pipeline.awaitCaughtUp();
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void audit_shows_changes_by_two_actors_with_their_fields() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        pipeline.write("alice", "UPDATE organization_prompt SET template = 'Acme reviews {{code}}' "
                + "WHERE org_id = 'acme' AND name = 'code_review'");
        pipeline.write(null, "INSERT INTO organization_prompt (org_id, name, template) VALUES ('globex', 'audit_me', 'Hi {{who}}')");

        List<JsonNode> lines = new ArrayList<>();
        await().atMost(Pipeline.WAIT).until(() -> {
            Cli.Result r = cli.run("audit", "--since", before.toString(), "--format", "jsonl");
            assertThat(r.exitCode()).as(r.err()).isZero();
            lines.clear();
            for (String line : r.out().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            return lines.size() >= 2;
        });
        assertThat(lines).hasSize(2); // the snapshot and the demo data are before --since
        JsonNode alice = lines.get(0);
        assertThat(alice.get("actor").asText()).isEqualTo("alice");
        assertThat(alice.get("op").asText()).isEqualTo("UPDATE");
        assertThat(alice.get("table").asText()).isEqualTo("organization_prompt");
        assertThat(alice.get("scope").asText()).isEqualTo("acme");
        assertThat(alice.get("key").asText()).isEqualTo("code_review");
        assertThat(alice.get("version").asLong()).isEqualTo(2);
        assertThat(alice.get("changed")).extracting(JsonNode::asText).containsExactly("template");
        assertThat(alice.get("before").get("template").asText()).startsWith("You review code at Acme.");
        assertThat(alice.get("after").get("template").asText()).isEqualTo("Acme reviews {{code}}");
        assertThat(alice.get("txId").asText()).contains(":");
        assertThat(alice.get("commitLsn").asText()).matches("[0-9A-F]+/[0-9A-F]+");
        assertThat(Instant.parse(alice.get("commitTime").asText())).isAfter(before);

        JsonNode plain = lines.get(1);
        assertThat(plain.get("actor").asText()).isEqualTo(pipeline.pg.user()); // plain SQL: the session's user
        assertThat(plain.get("op").asText()).isEqualTo("INSERT");
        assertThat(plain.get("scope").asText()).isEqualTo("globex");
        assertThat(plain.get("key").asText()).isEqualTo("audit_me");
        assertThat(plain.get("version").asLong()).isEqualTo(1);
        assertThat(plain.get("before").size()).isZero();
        assertThat(plain.get("after").get("template").asText()).isEqualTo("Hi {{who}}");
        assertThat(plain.get("changed")).extracting(JsonNode::asText).contains("template").doesNotContain("version");

        Cli.Result byActor = cli.run("audit", "--actor", "alice", "--format", "csv");
        assertThat(byActor.exitCode()).isZero();
        assertThat(byActor.out().lines()).hasSize(2).first().asString().startsWith("commitTime,actor,op,table");
        assertThat(byActor.out()).contains(",alice,UPDATE,organization_prompt,acme,code_review,2,");

        Cli.Result table = cli.run("audit", "--org", "globex", "--key", "audit_me");
        assertThat(table.out()).contains("INSERT").contains("audit_me").contains("template: \"Hi {{who}}\"");
    }

    @Test
    @Order(2)
    void audit_verify_passes_and_fails_when_a_prefix_holds_fewer_events() throws Exception {
        pipeline.write("bob", "DELETE FROM organization_prompt WHERE org_id = 'globex' AND name = 'incident_postmortem'");
        await().atMost(Pipeline.WAIT).untilAsserted(() -> {
            Cli.Result ok = cli.run("audit", "verify", "--wait", "0");
            assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
            assertThat(ok.out()).startsWith("ok: ").contains("predate the stream");
        });

        // A copy of the stream without bob's delete: verify must name the missing event.
        String prefix = TestNames.unique("fewer");
        pipeline.kafka.createTopic(prefix + ".changes", 3, Map.of());
        copyChangesExcept(prefix + ".changes", "incident_postmortem");
        Cli.Result missing = cli.run("audit", "verify", "--topic-prefix", prefix, "--wait", "0");
        assertThat(missing.exitCode()).as(missing.out() + missing.err()).isEqualTo(1);
        assertThat(missing.out()).contains("MISSING_EVENT organization_prompt globex/incident_postmortem v2")
                .contains("DIFFERENCES: 1");
    }

    @Test
    @Order(3)
    void as_of_two_instants_between_writes_gives_the_two_states() throws Exception {
        pipeline.write("carol", "UPDATE organization_prompt SET template = 'First {{code}}' WHERE org_id = 'acme' AND name = 'code_review'");
        pipeline.awaitCaughtUp();
        Instant first = Instant.now();
        pipeline.write("carol", "UPDATE organization_prompt SET template = 'Second {{code}}' WHERE org_id = 'acme' AND name = 'code_review'");
        pipeline.awaitCaughtUp();
        Instant second = Instant.now();

        Cli.Result atFirst = cli.run("as-of", "--org", "acme", "--at", first.toString(), "--format", "json");
        assertThat(atFirst.exitCode()).as(atFirst.err()).isZero();
        assertThat(template(JSON.readTree(atFirst.out()), "code_review")).isEqualTo("First {{code}}");
        Cli.Result atSecond = cli.run("as-of", "--org", "acme", "--at", second.toString(), "--format", "json");
        assertThat(template(JSON.readTree(atSecond.out()), "code_review")).isEqualTo("Second {{code}}");
        Cli.Result text = cli.run("as-of", "--org", "acme", "--at", second.toString());
        assertThat(text.out()).contains("code_review").contains("\"Second {{code}}\"");

        Cli.Result never = cli.run("as-of", "--org", "acme", "--at", "2001-01-01");
        assertThat(never.exitCode()).isEqualTo(1);
        assertThat(never.err()).contains("did not exist");
    }

    @Test
    @Order(4)
    void status_lists_two_running_caches_with_their_applied_revisions() throws Exception {
        try (ConfigCache one = cache(); ConfigCache two = cache()) {
            assertThat(one.awaitLive(Pipeline.WAIT)).isTrue();
            assertThat(two.awaitLive(Pipeline.WAIT)).isTrue();
            await().atMost(Pipeline.WAIT).untilAsserted(() -> {
                PipelineStatus s;
                try (ChangeLog log = ChangeLog.connect(pipeline.kafkaSettings()); var db = pipeline.connect()) {
                    s = StatusReader.read(log, pipeline.kafkaSettings(), db, pipeline.slot, Clock.systemUTC());
                }
                assertThat(s.clients()).hasSize(2)
                        .allSatisfy(c -> assertThat(c.appliedRevision()).isEqualTo(s.views().newestRevision()));
            });
            Cli.Result text = cli.run("status");
            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out()).contains("publisher     active").contains("caches        2 running")
                    .contains("materializer  ").contains("views         ");
            Cli.Result json = cli.run("status", "--format", "json");
            JsonNode status = JSON.readTree(json.out());
            assertThat(status.get("clients")).hasSize(2);
            assertThat(status.get("publisher").get("slot").asText()).isEqualTo(pipeline.slot);
            assertThat(status.get("publisher").get("problem").isNull()).as(json.out()).isTrue();
            assertThat(status.get("publisher").get("lastCommitLsn").asText()).matches("[0-9A-F]+/[0-9A-F]+");
            assertThat(status.get("materializer").get("totalLag").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(status.get("views").get("count").asInt()).isEqualTo(5); // 4 demo orgs and _defaults
        }
    }

    @Test
    @Order(5)
    void views_rebuild_verify_finds_nothing_after_a_random_workload_and_one_difference_after_tampering() throws Exception {
        randomWorkload(new Random(11), 40);
        pipeline.awaitCaughtUp();
        String prefix = pipeline.topics.prefix();
        Cli.Result ok = cli.run("views", "rebuild", "--into", prefix + ".rebuilt1", "--verify");
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("rebuilt 5 views from").contains("ok: the live views equal the rebuilt ones");
        assertThat(ok.err()).contains("100% rebuild");
        assertThat(cli.run("views", "check", "--wait", "0").exitCode()).isZero();

        String tampered = tamper("acme");
        Cli.Result found = cli.run("views", "rebuild", "--into", prefix + ".rebuilt2", "--verify");
        assertThat(found.exitCode()).as(found.out() + found.err()).isEqualTo(1);
        assertThat(found.out()).contains("acme: prompt '" + tampered + "': rebuilt content").contains("DIFFERENCES: 1");
        Cli.Result check = cli.run("views", "check", "--wait", "0");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("acme: prompt '" + tampered + "'").contains("DIFFERENCES: 1");
        assertThat(cli.run("views", "rebuild", "--into", prefix + ".rebuilt2").exitCode()).isEqualTo(2); // exists
    }

    @Test
    @Order(6)
    void the_jar_runs_an_audit_as_a_user_would() throws Exception {
        Path jar = Path.of("target", "mcpconfig.jar").toAbsolutePath();
        assertThat(jar).exists();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "audit", "--actor", "alice", "--format", "jsonl");
        pb.environment().putAll(pipeline.env());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = Files.createTempFile(stateDir, "jar", ".out");
        Path err = Files.createTempFile(stateDir, "jar", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1);
        JsonNode entry = JSON.readTree(lines.get(0));
        assertThat(entry.get("actor").asText()).isEqualTo("alice");
        assertThat(entry.get("key").asText()).isEqualTo("code_review");
        assertThat(Files.readString(err)).isEmpty(); // no library chatter for a person to wade through
    }

    @Test
    @Order(7)
    void a_follow_prints_new_changes_as_they_come_until_stopped() throws Exception {
        List<io.mcpconfig.admin.stream.AuditEntry> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ChangeLog log = ChangeLog.connect(pipeline.kafkaSettings())) {
            io.mcpconfig.admin.stream.AuditCursor cursor = log.audit(new io.mcpconfig.admin.stream.AuditQuery(
                    "initech", null, null, null, Instant.now(), null, null), true);
            Thread reader = new Thread(() -> cursor.forEachRemaining(seen::add), "follow");
            reader.start();
            pipeline.write("frank", "UPDATE organization_prompt SET title = 'Followed' WHERE org_id = 'initech' AND name = 'summarize_document'");
            await().atMost(Pipeline.WAIT).until(() -> !seen.isEmpty());
            assertThat(seen.get(0).actor()).isEqualTo("frank");
            assertThat(seen.get(0).after()).containsEntry("title", "Followed");
            cursor.stop();
            reader.join(Pipeline.WAIT.toMillis());
            assertThat(reader.isAlive()).isFalse();
            cursor.close();
        }
    }

    private ConfigCache cache() {
        return ConfigCache.builder().bootstrapServers(pipeline.kafka.bootstrapServers()).topics(pipeline.topics).build();
    }

    private static String template(JsonNode view, String prompt) {
        for (JsonNode p : view.get("prompts")) {
            if (p.get("name").asText().equals(prompt)) {
                return p.get("template").asText();
            }
        }
        return null;
    }

    /** Random writes in several transactions: overrides set, changed and removed, defaults edited, a toggle. */
    private void randomWorkload(Random random, int transactions) throws Exception {
        String[] orgs = {"acme", "globex", "initech"};
        for (int i = 0; i < transactions; i++) {
            String org = orgs[random.nextInt(orgs.length)];
            String name = "w" + random.nextInt(4);
            switch (random.nextInt(5)) {
                case 0 -> pipeline.write("dave", "INSERT INTO organization_prompt (org_id, name, template) VALUES ('" + org
                        + "', '" + name + "', 'T" + i + " {{x}}') ON CONFLICT (org_id, name) DO UPDATE SET template = EXCLUDED.template");
                case 1 -> pipeline.write("dave", "DELETE FROM organization_prompt WHERE org_id = '" + org + "' AND name = '" + name + "'");
                case 2 -> pipeline.write("erin", "INSERT INTO default_prompt (name, template) VALUES ('" + name + "', 'D" + i
                        + " {{x}}') ON CONFLICT (name) DO UPDATE SET template = EXCLUDED.template");
                case 3 -> pipeline.write("erin", "UPDATE organization SET active = NOT active WHERE id = '" + org + "'",
                        "UPDATE organization SET active = true WHERE id = '" + org + "'");
                default -> pipeline.write(null,
                        "UPDATE default_prompt SET description = 'd" + i + "' WHERE name = 'code_review'",
                        "INSERT INTO organization_prompt (org_id, name, active) VALUES ('" + org + "', 'code_review', "
                                + random.nextBoolean() + ") ON CONFLICT (org_id, name) DO UPDATE SET active = EXCLUDED.active");
            }
        }
    }

    /**
     * Writes a copy of the org's live view with its first prompt's template changed (a newer
     * revision, so clients would take it); returns that prompt's name.
     */
    private String tamper(String org) throws Exception {
        OrgView live;
        try (ChangeLog log = ChangeLog.connect(pipeline.kafkaSettings())) {
            live = log.liveViews().get(org);
        }
        OrgView forged = OrgView.newBuilder(live).setRevision(live.getRevision() + 1).build();
        String prompt = forged.getPrompts().get(0).getName();
        List<ViewPrompt> prompts = new ArrayList<>();
        for (ViewPrompt p : forged.getPrompts()) {
            if (p.getName().equals(prompt)) {
                p = ViewPrompt.newBuilder(p).setTemplate("Tampered {{code}}").build();
                p.setContentHash(ContentHash.of(p));
            }
            prompts.add(p);
        }
        forged.setPrompts(prompts);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(pipeline.topics.views().name(), org,
                    AvroSerdes.orgView().serialize(pipeline.topics.views().name(), forged))).get(30, TimeUnit.SECONDS);
        }
        return prompt;
    }

    /** Copies every record of the live changes topic to {@code target}, same partition, except row events of {@code key}. */
    private void copyChangesExcept(String target, String key) throws Exception {
        String source = pipeline.topics.changes().name();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", pipeline.kafka.bootstrapServers(), "allow.auto.create.topics", false),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = producer()) {
            var partitions = consumer.partitionsFor(source).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(source, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var r : consumer.poll(java.time.Duration.ofMillis(200))) {
                    var e = AvroSerdes.changeEvent().decode(r.value());
                    if (!key.equals(e.getRowKey()) || e.getOp() == io.mcpconfig.schemas.avro.ChangeOp.SNAPSHOT) {
                        producer.send(new ProducerRecord<>(target, r.partition(), r.key(), r.value()));
                    }
                }
            }
            producer.flush();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }
}
