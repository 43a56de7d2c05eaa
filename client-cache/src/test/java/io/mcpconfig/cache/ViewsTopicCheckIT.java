package io.mcpconfig.cache;

import static io.mcpconfig.cache.TestViews.defaults;
import static io.mcpconfig.cache.TestViews.org;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.serde.AvroSerdes;
import io.mcpconfig.schemas.topics.TopicSetup;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * On the shared, stock (auto-creating) broker: the cache creates no topic. It waits for a missing
 * views topic, and refuses to read one whose settings would lose views, until it is fixed.
 */
class ViewsTopicCheckIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final KafkaBroker broker = TestServers.kafka();

    @Test
    void aCacheStartedBeforeTheTopicExistsWaitsCreatesNothingAndGoesLiveOnceItIsCreated() throws Exception {
        Topics topics = Topics.withPrefix(TestNames.unique("cache_first"), 2);
        try (ConfigCache cache = ConfigCache.builder().bootstrapServers(broker.bootstrapServers()).topics(topics).build()) {
            await().atMost(WAIT).until(() -> cache.status() == CacheStatus.WAITING_FOR_TOPIC);
            assertThat(cache.awaitReady(Duration.ofMillis(500))).isFalse();
            assertThat(broker.admin().listTopics().names().get()).doesNotContain(topics.views().name());

            TopicSetup.ensure(KafkaSettings.of(broker.bootstrapServers(), topics), WAIT); // as the materializer does
            put(topics, defaults(1));
            put(topics, org("acme", 2, "hello"));

            assertThat(cache.awaitLive(WAIT)).isTrue();
            await().atMost(WAIT).until(() -> cache.orgIds().contains("acme"));
            assertThat(cache.problem()).isEmpty();
        }
    }

    @Test
    void aDeletingViewsTopicIsReportedInOneLineAndReadOnceFixed() throws Exception {
        Topics topics = Topics.withPrefix(TestNames.unique("cache_wrong"), 1);
        Map<String, String> wrong = new HashMap<>(topics.views().configs());
        wrong.put("cleanup.policy", "delete");
        broker.createTopic(topics.views().name(), 1, wrong);
        put(topics, org("acme", 2, "hello"));

        try (ConfigCache cache = ConfigCache.builder().bootstrapServers(broker.bootstrapServers()).topics(topics).build()) {
            await().atMost(WAIT).until(() -> cache.status() == CacheStatus.MISCONFIGURED);
            String line = "topic " + topics.views().name() + ": has cleanup.policy=delete but needs cleanup.policy=compact;"
                    + " fix: kafka-configs.sh --bootstrap-server " + broker.bootstrapServers() + " --alter --entity-type topics"
                    + " --entity-name " + topics.views().name() + " --add-config cleanup.policy=compact";
            assertThat(cache.problem()).contains(line);
            assertThatThrownBy(() -> cache.awaitReady(WAIT)).isInstanceOf(IllegalStateException.class).hasMessage(line);
            assertThat(cache.orgIds()).as("nothing read from a topic that loses views").isEmpty();

            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topics.views().name());
            broker.admin().incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET)))).all().get();

            await().atMost(WAIT).until(() -> cache.status() != CacheStatus.MISCONFIGURED); // it re-checks
            assertThat(cache.awaitLive(WAIT)).isTrue();
            await().atMost(WAIT).until(() -> cache.orgIds().contains("acme"));
            assertThat(cache.problem()).isEmpty();
        }
    }

    private void put(Topics topics, OrgView view) throws Exception {
        try (KafkaProducer<String, OrgView> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "linger.ms", 0), new StringSerializer(), AvroSerdes.orgView().serializer())) {
            producer.send(new ProducerRecord<>(topics.views().name(), view.getOrgId(), view)).get();
        }
    }
}
