package io.mcpconfig.materializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.PromptArgument;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.TestNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One default change over many orgs, on the real broker with two instances over four partitions. */
class FanOutIT {
    @TempDir
    Path tmp;

    @Test
    void oneDefaultChangeOver2000OrgsUpdatesExactlyTheOrgsItChanges() throws Exception {
        Result r = run(2_000, 2);
        assertThat(r.updatesPerKey.values()).allMatch(n -> n == 1);
        assertThat(r.updatesPerKey.keySet()).isEqualTo(r.expectedKeys);
        assertThat(Model.content(r.finalViews)).isEqualTo(r.model.expected());
    }

    /** Benchmark, no assert on time: the budget is 2 s from the change to the last org visible. */
    @Test
    void measureFanOutOver10000Orgs() throws Exception {
        Result r = run(10_000, 1);
        System.out.printf("FAN-OUT 10000 orgs: %d view updates, last visible %d ms after the default change was sent%n",
                r.updatesPerKey.size(), r.millis);
        assertThat(r.updatesPerKey.keySet()).isEqualTo(r.expectedKeys);
    }

    record Result(Map<String, Long> updatesPerKey, Set<String> expectedKeys, Map<String, OrgView> finalViews,
                  Model model, long millis) {}

    private Result run(int orgCount, int instances) throws Exception {
        Topics topics = Topics.withPrefix(TestNames.unique("fan"), ItSupport.PARTITIONS);
        String appId = topics.prefix() + "-app";
        List<Tx> setup = new ArrayList<>();
        setup.add(Tx.defaults(1).prompt("greet", "Hello").prompt("bye", "Bye"));
        Set<String> expectedKeys = new TreeSet<>(Set.of(Scopes.DEFAULTS));
        long lsn = 2;
        for (int i = 0; i < orgCount; i++) {
            String org = String.format("org-%05d", i);
            Tx t = Tx.of(org, lsn++);
            switch (i % 10) {
                case 0 -> t.org(true).prompt(ChangeOp.INSERT, t.prompt("greet").setTemplate("Mine").setTitle("mine")
                        .setDescription("mine").setArguments(List.of(new PromptArgument("x", null, false, List.of())))
                        .setActive(true).build()); // overrides every field: untouched by the change
                case 1 -> t.org(false); // inactive: serves nothing either way
                case 2 -> t.org(true).prompt(ChangeOp.INSERT, t.prompt("greet").setTemplate("Partial").build());
                default -> t.org(true);
            }
            if (i % 10 >= 2) {
                expectedKeys.add(org);
            }
            setup.add(t);
        }
        Tx change = Tx.defaults(lsn);
        change.prompt(ChangeOp.UPDATE, change.prompt("greet").setTemplate("Hello v2").setTitle("v2")
                .setDescription("v2").setActive(true).build());
        Model model = Workload.model(setup);

        List<ConfigMaterializer> running = new ArrayList<>();
        try (KafkaProducer<String, ChangeEvent> producer = ItSupport.producer()) {
            for (int i = 0; i < instances; i++) {
                running.add(ConfigMaterializer.start(ItSupport.config(topics, tmp.resolve("i" + i), appId)));
            }
            for (ConfigMaterializer m : running) {
                assertThat(m.awaitRunning(Duration.ofSeconds(60))).isTrue();
            }
            ItSupport.send(producer, topics, Workload.events(setup));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Model.content(ItSupport.compacted(topics)).equals(model.expected()));

            Map<TopicPartition, Long> mark = ItSupport.endOffsets(topics);
            long start = System.nanoTime();
            ItSupport.send(producer, topics, change.events());
            model.apply(change.events());
            List<ConsumerRecord<String, OrgView>> after = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> {
                after.clear();
                after.addAll(ItSupport.readViews(topics, mark));
                return after.size() >= expectedKeys.size();
            });
            long millis = (System.nanoTime() - start) / 1_000_000;
            // Anything more the change would (wrongly) cause has had time to show up.
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            List<ConsumerRecord<String, OrgView>> all = ItSupport.readViews(topics, mark);
            return new Result(ItSupport.countByKey(all), expectedKeys, ItSupport.compacted(topics), model, millis);
        } finally {
            running.forEach(ConfigMaterializer::close);
        }
    }
}
