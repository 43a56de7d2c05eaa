package io.mcpconfig.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** Topics are created with their declared settings, and records round-trip through a real broker with our serdes. */
class TopicsIT {
    private final KafkaBroker kafka = TestServers.kafka();
    private final Topics topics = Topics.withPrefix(TestNames.unique("topics"), 3);

    @Test
    void ensureCreatedCreatesBothTopicsWithTheirSettingsAndIsIdempotent() throws Exception {
        Admin admin = kafka.admin();
        topics.ensureCreated(admin, Optional.empty(), 30_000);
        topics.ensureCreated(admin, Optional.empty(), 30_000);

        var descriptions = admin.describeTopics(List.of(topics.changes().name(), topics.views().name())).allTopicNames().get();
        assertThat(descriptions.get(topics.changes().name()).partitions()).hasSize(3);
        Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                new ConfigResource(ConfigResource.Type.TOPIC, topics.changes().name()),
                new ConfigResource(ConfigResource.Type.TOPIC, topics.views().name()))).all().get();
        Config changes = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topics.changes().name()));
        Config views = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topics.views().name()));
        assertThat(changes.get("retention.ms").value()).isEqualTo("-1");
        assertThat(views.get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(views.get("compression.type").value()).isEqualTo("zstd");
        assertThat(views.get("max.message.bytes").value()).isEqualTo(String.valueOf(Topics.VIEW_MAX_BYTES));
    }

    @Test
    void changeEventsAndViewsRoundTripThroughTheBroker() throws Exception {
        topics.ensureCreated(kafka.admin(), Optional.empty(), 30_000);
        ChangeEvent commit = ChangeEvent.newBuilder().setScope("acme").setOp(ChangeOp.COMMIT).setTxId("tx")
                .setCommitLsn(5L).setCommitTime(Instant.parse("2026-01-01T00:00:00Z")).setEventCount(0).build();
        OrgView view = OrgView.newBuilder().setOrgId("acme").setActive(true).setRevision(5L)
                .setUpdatedAt(Instant.parse("2026-01-01T00:00:00Z")).setPrompts(List.of()).setResources(List.of()).build();

        try (var producer = new KafkaProducer<>(producerProps(), topics.changes().keySerde().serializer(),
                topics.changes().valueSerde().serializer());
             var viewProducer = new KafkaProducer<>(producerProps(), topics.views().keySerde().serializer(),
                     topics.views().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topics.changes().name(), "acme", commit)).get();
            viewProducer.send(new ProducerRecord<>(topics.views().name(), "acme", view)).get();
            viewProducer.send(new ProducerRecord<>(topics.views().name(), "gone", null)).get();
        }

        assertThat(readAll(topics.changes())).extracting(ConsumerRecord::value).containsExactly(commit);
        List<ConsumerRecord<String, OrgView>> views = readAll(topics.views());
        assertThat(views).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("acme", "gone");
        assertThat(views).filteredOn(r -> r.key().equals("acme")).extracting(ConsumerRecord::value).containsExactly(view);
        assertThat(views).filteredOn(r -> r.key().equals("gone")).extracting(ConsumerRecord::value).containsOnlyNulls();
    }

    private Properties producerProps() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private <V> List<ConsumerRecord<String, V>> readAll(TopicSpec<String, V> topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, TestNames.unique("reader"));
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            // One more poll collects anything still in flight on other partitions.
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }
}
