package io.mcpconfig.materializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.management.ManagementConfig;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The materializer on the real broker: scale-out, a killed instance, and a replay from the start. */
class MaterializerIT {
    @TempDir
    Path tmp;

    @Test
    void twoInstancesGiveTheViewsOfOneAndAReplayRebuildsThem() throws Exception {
        List<Tx> work = Workload.generate(7, 150, 600);
        Map<String, OrgView> expected = Workload.model(work).expected();
        Topics one = Topics.withPrefix(TestNames.unique("one"), ItSupport.PARTITIONS);
        Topics two = Topics.withPrefix(TestNames.unique("two"), ItSupport.PARTITIONS);
        try (ConfigMaterializer single = ConfigMaterializer.start(ItSupport.config(one, tmp.resolve("s"), one.prefix() + "-app"));
             ConfigMaterializer first = ConfigMaterializer.start(ItSupport.config(two, tmp.resolve("a"), two.prefix() + "-app"));
             ConfigMaterializer second = ConfigMaterializer.start(ItSupport.config(two, tmp.resolve("b"), two.prefix() + "-app"));
             KafkaProducer<String, io.mcpconfig.schemas.avro.ChangeEvent> producer = ItSupport.producer()) {
            assertThat(first.awaitRunning(Duration.ofSeconds(60)) && second.awaitRunning(Duration.ofSeconds(60))).isTrue();
            ItSupport.send(producer, one, Workload.events(work));
            ItSupport.send(producer, two, Workload.events(work));

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Model.content(ItSupport.compacted(one)).equals(expected)
                            && Model.content(ItSupport.compacted(two)).equals(expected));
            assertThat(Model.content(ItSupport.compacted(two))).isEqualTo(Model.content(ItSupport.compacted(one)));
        }

        // Replay: a fresh application id reads the changes from the start and rewrites every view.
        Map<String, OrgView> before = ItSupport.compacted(one);
        Map<TopicPartition, Long> mark = ItSupport.endOffsets(one);
        try (ConfigMaterializer replay = ConfigMaterializer.start(
                ItSupport.config(one, tmp.resolve("r"), one.prefix() + "-replay"))) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Model.content(ItSupport.compacted(ItSupport.readViews(one, mark)))
                            .equals(Model.content(before)));
        }
    }

    @Test
    void killingAnInstanceMidStreamLosesNothing() throws Exception {
        List<Tx> work = Workload.generate(11, 200, 800);
        Map<String, OrgView> expected = Workload.model(work).expected();
        Topics topics = Topics.withPrefix(TestNames.unique("kill"), ItSupport.PARTITIONS);
        String appId = topics.prefix() + "-app";
        Process child = startChild(topics, appId, tmp.resolve("child"));
        try (ConfigMaterializer survivor = ConfigMaterializer.start(ItSupport.config(topics, tmp.resolve("a"), appId));
             KafkaProducer<String, io.mcpconfig.schemas.avro.ChangeEvent> producer = ItSupport.producer()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> groupMembers(appId) == 2
                    && survivor.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);
            // The service as ops probe it: its own management port answers ready once it runs. The answer
            // that said ready is the one checked: asked again, a rebalance in between may say otherwise.
            java.util.concurrent.atomic.AtomicReference<java.net.http.HttpResponse<String>> ready =
                    new java.util.concurrent.atomic.AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ready.set(childReady(appId));
                return ready.get() != null && ready.get().statusCode() == 200;
            });
            assertThat(ready.get().body()).contains("materializer RUNNING");
            List<io.mcpconfig.schemas.avro.ChangeEvent> events = Workload.events(work);
            int half = events.size() / 2;
            ItSupport.send(producer, topics, events.subList(0, half));
            await().atMost(Duration.ofSeconds(60)).until(() -> ItSupport.compacted(topics).size() > 50);
            child.destroyForcibly().waitFor();
            ItSupport.send(producer, topics, events.subList(half, events.size()));

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Model.content(ItSupport.compacted(topics)).equals(expected));
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void killingAnInstanceDuringABulkTransactionEndsWithEveryOrgAsTheMergeRuleSays() throws Exception {
        List<Tx> setup = Workload.generate(13, 400, 0); // the defaults and 400 orgs
        // One database transaction of 4,000 rows over the 400 orgs, framed as the publisher frames it:
        // one part per org, every part with the same transaction id and commit LSN.
        List<Tx> bulk = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Tx t = Tx.of(String.format("org-%04d", i), 10_000);
            for (int n = 0; n < 10; n++) {
                t.prompt("bulk-" + n, "bulk " + i + "." + n);
            }
            bulk.add(t);
        }
        List<Tx> all = new java.util.ArrayList<>(setup);
        all.addAll(bulk);
        Map<String, OrgView> expected = Workload.model(all).expected();
        Topics topics = Topics.withPrefix(TestNames.unique("bulkkill"), ItSupport.PARTITIONS);
        String appId = topics.prefix() + "-app";
        Process child = startChild(topics, appId, tmp.resolve("child"));
        try (ConfigMaterializer survivor = ConfigMaterializer.start(ItSupport.config(topics, tmp.resolve("a"), appId));
             KafkaProducer<String, io.mcpconfig.schemas.avro.ChangeEvent> producer = ItSupport.producer()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> groupMembers(appId) == 2
                    && survivor.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);
            ItSupport.send(producer, topics, Workload.events(setup));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ItSupport.compacted(topics).size() == expected.size());
            Map<TopicPartition, Long> mark = ItSupport.endOffsets(topics);
            List<io.mcpconfig.schemas.avro.ChangeEvent> events = Workload.events(bulk);
            int half = events.size() / 2;
            ItSupport.send(producer, topics, events.subList(0, half));
            // Kill while the bulk is being applied: some orgs already serve it, others don't yet.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    ItSupport.readViews(topics, mark).stream().anyMatch(r -> bulkPrompts(r.value()) > 0));
            child.destroyForcibly().waitFor();
            ItSupport.send(producer, topics, events.subList(half, events.size()));

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Model.content(ItSupport.compacted(topics)).equals(expected));
            // Each org's part of the transaction was seen whole: no view ever held some of its rows only.
            assertThat(ItSupport.readViews(topics, mark)).allSatisfy(r ->
                    assertThat(bulkPrompts(r.value())).as("bulk prompts in a view of %s", r.key()).isIn(0L, 10L));
        } finally {
            child.destroyForcibly();
        }
    }

    private static long bulkPrompts(OrgView view) {
        return view == null ? 0 : view.getPrompts().stream().filter(p -> p.getName().startsWith("bulk-")).count();
    }

    @Test
    void aRelocatedTaskKeepsItsCopyOfTheDefaultsAndHoldsNothingBack() throws Exception {
        Topics topics = Topics.withPrefix(TestNames.unique("reloc"), ItSupport.PARTITIONS);
        String appId = topics.prefix() + "-app";
        try (KafkaProducer<String, io.mcpconfig.schemas.avro.ChangeEvent> producer = ItSupport.producer()) {
            try (ConfigMaterializer first = ConfigMaterializer.start(ItSupport.config(topics, tmp.resolve("a"), appId))) {
                assertThat(first.awaitRunning(Duration.ofSeconds(60))).isTrue();
                ItSupport.send(producer, topics, Workload.events(List.of(
                        Tx.defaults(10).prompt("greet", "Hello"), Tx.of("acme", 11).org(true))));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> ItSupport.compacted(topics).containsKey("acme"));
            }
            // An empty state directory: the tasks restore from their changelogs, as on another machine.
            try (ConfigMaterializer second = ConfigMaterializer.start(ItSupport.config(topics, tmp.resolve("b"), appId))) {
                assertThat(second.awaitRunning(Duration.ofSeconds(60))).isTrue();
                List<Tx> orgs = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) { // several orgs, so every task gets one
                    orgs.add(Tx.of("org-" + i, 20 + i).org(true));
                }
                ItSupport.send(producer, topics, Workload.events(orgs));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> ItSupport.compacted(topics).size() == 10);
            }
        }
        // Without the restored copy, these orgs would wait for a defaults transaction that never comes.
        assertThat(ItSupport.readViews(topics, Map.of())).allSatisfy(r ->
                assertThat(r.value().getPrompts()).extracting(p -> p.getName()).containsExactly("greet"));
    }

    /**
     * Instances in the group: each stream thread is a member of its own (client id
     * {@code <app>-<process uuid>-StreamThread-N-consumer}), so members are counted per process. 0 while
     * the group does not exist yet (the first member has not joined).
     */
    private static int groupMembers(String appId) throws Exception {
        try {
            return (int) TestServers.kafka().admin().describeConsumerGroups(List.of(appId)).all().get()
                    .get(appId).members().stream()
                    .map(m -> m.clientId().replaceFirst("-StreamThread-\\d+-consumer$", ""))
                    .distinct().count();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) {
                return 0;
            }
            throw e;
        }
    }

    /** {@code GET /health/ready} of the child, on the port its log names; null before it named one. */
    private static java.net.http.HttpResponse<String> childReady(String appId) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("management endpoints on port (\\d+)")
                .matcher(java.nio.file.Files.readString(Path.of("target/" + appId + ".log")));
        if (!m.find()) {
            return null;
        }
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + m.group(1) + "/health/ready")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** The service as ops run it: {@code java -jar target/config-materializer.jar}, settings from the environment. */
    private static Process startChild(Topics topics, String appId, Path stateDir) throws Exception {
        File jar = new File("target/config-materializer.jar");
        assertThat(jar).exists();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.getAbsolutePath());
        Map<String, String> env = pb.environment();
        env.put("MCPCONFIG_KAFKA_BOOTSTRAP", ItSupport.bootstrap());
        env.put("MCPCONFIG_TOPIC_PREFIX", topics.prefix());
        env.put("MCPCONFIG_PARTITIONS", String.valueOf(ItSupport.PARTITIONS));
        env.put("MCPCONFIG_STATE_DIR", stateDir.toString());
        env.put("MCPCONFIG_APPLICATION_ID", appId);
        env.put(MaterializerConfig.SESSION_TIMEOUT_MS, "6000");
        env.put(MaterializerConfig.STATUS_INTERVAL_S, "5");
        env.put(ManagementConfig.PORT, "0"); // other tests on this host may hold the default port
        pb.redirectErrorStream(true).redirectOutput(new File("target/" + appId + ".log"));
        return pb.start();
    }
}
