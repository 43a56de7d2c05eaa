package io.mcpconfig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.quickstart.LocalStack;
import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.admin.db.ConfigSnapshot;
import io.mcpconfig.schemas.serde.AvroSerdes;
import io.mcpconfig.testkit.TestNames;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart's stack with the demo data: every org's view reaches the client as the merge rule
 * says. No test here writes to the database, so the demo data is the only state there ever was.
 */
class DemoPipelineIT {
    @TempDir
    static Path workDir;
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(workDir, TestNames.unique("demo"), true, -1);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyOrgOfTheDemoDataIsServedAsTheMergeRuleSays() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            try (Connection c = stack.connect()) {
                assertThat(Oracle.differences(ConfigSnapshot.read(c), stack.cache())).isEmpty();
            }
        });
        assertThat(stack.cache().forOrg("acme").prompts()).hasSize(7);
        assertThat(stack.cache().forOrg("umbrella").active()).isFalse();
    }

    /**
     * At first start every view ever written must be one the database had: an org's view computed
     * before its materializer task had the defaults would serve the org's overrides alone.
     */
    @Test
    void everyViewEverWrittenAtFirstStartHoldsTheInheritedDefaults() throws Exception {
        ConfigSnapshot db;
        try (Connection c = stack.connect()) {
            db = ConfigSnapshot.read(c);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Oracle.differences(db, stack.cache()).isEmpty());

        // The client reads views uncommitted; committed they are once the materializer's transaction
        // commits (once a second): read again until acme's is among them.
        List<List<ConsumerRecord<String, OrgView>>> read = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            read.add(0, readAllViews());
            assertThat(read.get(0)).extracting(ConsumerRecord::key).contains("acme", Scopes.DEFAULTS);
        });
        List<ConsumerRecord<String, OrgView>> records = read.get(0);
        for (ConsumerRecord<String, OrgView> r : records) {
            assertThat(r.value()).as("tombstone of %s", r.key()).isNotNull();
            assertThat(Oracle.differences(db, r.key(), r.value())).as("record at offset %d", r.offset()).isEmpty();
            if (r.key().equals("acme")) {
                assertThat(r.value().getPrompts()).hasSize(7);
                assertThat(r.value().getResources()).hasSize(6);
            }
        }
    }

    /** Every committed record of the views topic, from the beginning to the current end. */
    private static List<ConsumerRecord<String, OrgView>> readAllViews() {
        String topic = stack.topics().views().name();
        try (KafkaConsumer<String, OrgView> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), AvroSerdes.orgView())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<ConsumerRecord<String, OrgView>> out = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                c.poll(Duration.ofMillis(100)).forEach(out::add);
                return parts.stream().allMatch(tp -> c.position(tp) >= end.get(tp));
            });
            return out;
        }
    }
}
