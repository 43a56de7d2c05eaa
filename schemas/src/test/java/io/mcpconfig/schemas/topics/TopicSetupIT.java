package io.mcpconfig.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On the shared (stock: auto-creating) broker: every owned topic created as designed, or a wrong one named with its fix. */
class TopicSetupIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final KafkaBroker kafka = TestServers.kafka();

    @Test
    void createsEveryOwnedTopicAsDesignedAndAcceptsThemOnTheNextStart() throws Exception {
        KafkaSettings settings = KafkaSettings.of(kafka.bootstrapServers(), Topics.withPrefix(TestNames.unique("setup"), 3));
        TopicSetup.ensure(settings, TIMEOUT);
        TopicSetup.ensure(settings, TIMEOUT); // idempotent: verifies what is there

        for (TopicSpec<?, ?> spec : settings.topics().owned()) {
            TopicSetup.Inspection inspection = TopicSetup.inspect(kafka.admin(), spec, "kafka-configs.sh", TIMEOUT);
            assertThat(inspection.exists()).as(spec.name()).isTrue();
            assertThat(inspection.verified()).isTrue();
            assertThat(inspection.problem()).as(spec.name()).isEmpty();
        }
        var described = kafka.admin().describeTopics(List.of(settings.topics().changes().name(),
                settings.topics().publisherOffsets().name())).allTopicNames().get();
        assertThat(described.get(settings.topics().changes().name()).partitions()).hasSize(3);
        assertThat(described.get(settings.topics().publisherOffsets().name()).partitions()).hasSize(1);
    }

    @Test
    void eachOwnedTopicPreCreatedWithAWrongPolicyStopsTheSetupWithOneLineAndTheFix() {
        Topics topics = Topics.withPrefix(TestNames.unique("wrong"), 2);
        for (TopicSpec<?, ?> spec : topics.owned()) {
            String prefix = TestNames.unique("wrong");
            Topics own = Topics.withPrefix(prefix, 2);
            TopicSpec<?, ?> target = own.owned().get(topics.owned().indexOf(spec));
            Map<String, String> wrong = new HashMap<>(target.configs());
            String needed = target.configs().get("cleanup.policy");
            String other = needed.equals("compact") ? "delete" : "compact";
            wrong.put("cleanup.policy", other);
            kafka.createTopic(target.name(), target.partitions(), wrong);
            KafkaSettings settings = KafkaSettings.of(kafka.bootstrapServers(), own);

            assertThatThrownBy(() -> TopicSetup.ensure(settings, TIMEOUT))
                    .isInstanceOf(BadSettingException.class)
                    .hasMessage("topic " + target.name() + ": has cleanup.policy=" + other + " but needs cleanup.policy=" + needed
                            + "; fix: kafka-configs.sh --bootstrap-server " + kafka.bootstrapServers() + " --alter --entity-type topics"
                            + " --entity-name " + target.name() + " --add-config cleanup.policy=" + needed);
        }
    }

    @Test
    void aViewsTopicAStockBrokerAutoCreatedIsRefused() throws Exception {
        Topics topics = Topics.withPrefix(TestNames.unique("auto"), 1);
        // What a client without allow.auto.create.topics=false does to a missing topic.
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.partitionsFor(topics.views().name());
        }
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() ->
                TopicSetup.inspect(kafka.admin(), topics.views(), "kafka-configs.sh", TIMEOUT).exists());

        assertThatThrownBy(() -> TopicSetup.ensure(KafkaSettings.of(kafka.bootstrapServers(), topics), TIMEOUT))
                .isInstanceOf(BadSettingException.class)
                // (testkit's broker allows 25 MiB messages, so only the policy is wrong here; TopicCheckTest has a stock 1 MiB)
                .hasMessageStartingWith("topic " + topics.views().name() + ": has cleanup.policy=delete but needs cleanup.policy=compact;")
                .hasMessageEndingWith("--add-config cleanup.policy=compact");
    }

    @Test
    void aMissingTopicIsReportedAsMissingNotCreated() throws Exception {
        Topics topics = Topics.withPrefix(TestNames.unique("missing"), 1);
        assertThat(TopicSetup.inspect(kafka.admin(), topics.views(), "kafka-configs.sh", TIMEOUT).exists()).isFalse();
        assertThat(kafka.admin().listTopics().names().get()).doesNotContain(topics.views().name());
    }
}
