package io.mcpconfig.cache;

import static io.mcpconfig.cache.TestViews.defaults;
import static io.mcpconfig.cache.TestViews.org;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.schemas.avro.ClientReceipt;
import io.mcpconfig.schemas.serde.AvroSerdes;
import io.mcpconfig.schemas.topics.TopicSpec;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.TestServers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The cache's receipts in {@code <prefix>.clients}, against the shared broker (which auto-creates topics). */
class ClientReceiptIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final KafkaBroker broker = TestServers.kafka();
    private ViewsTopic topic;
    private ConfigCache cache;

    @AfterEach
    void tearDown() {
        if (cache != null) {
            cache.close();
        }
        if (topic != null) {
            topic.close();
        }
    }

    @Test
    void aCachePublishesWhatItHoldsOnChangeAndATombstoneOnClose(TestInfo info) throws Exception {
        topic = new ViewsTopic(broker, info.getTestMethod().orElseThrow().getName(), 1);
        TopicSpec<String, ClientReceipt> clients = topic.topics.clients();
        broker.createTopic(clients.name(), clients.partitions(), clients.configs());
        topic.put(defaults(1));
        topic.put(org("acme", 7, "Hi"));
        cache = ConfigCache.builder().bootstrapServers(broker.bootstrapServers()).topics(topic.topics).build();
        assertThat(cache.awaitLive(WAIT)).isTrue();

        await().atMost(WAIT).untilAsserted(() -> assertThat(latest(clients.name()).values())
                .anySatisfy(r -> {
                    assertThat(r).isNotNull();
                    assertThat(r.getStatus()).isEqualTo("LIVE");
                    assertThat(r.getViewsHeld()).isEqualTo(2);
                    assertThat(r.getAppliedRevision()).isEqualTo(7);
                    assertThat(r.getViewsTopic()).isEqualTo(topic.topics.views().name());
                }));

        topic.put(org("acme", 9, "Hello"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(latest(clients.name()).values())
                .anySatisfy(r -> assertThat(r.getAppliedRevision()).isEqualTo(9)));

        cache.close();
        await().atMost(WAIT).untilAsserted(() -> assertThat(latest(clients.name())).isEmpty());
    }

    @Test
    void withoutTheTopicItStaysQuietAndCreatesNothing(TestInfo info) throws Exception {
        topic = new ViewsTopic(broker, info.getTestMethod().orElseThrow().getName(), 1);
        topic.put(defaults(1));
        cache = ConfigCache.builder().bootstrapServers(broker.bootstrapServers()).topics(topic.topics).build();
        assertThat(cache.awaitLive(WAIT)).isTrue();
        String clients = topic.topics.clients().name();
        // The broker auto-creates topics: a producer's metadata request for the missing topic would create it.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> !broker.admin().listTopics().names().get(30, TimeUnit.SECONDS).contains(clients));
        assertThat(cache.forOrg("acme").orgId()).isEqualTo("_defaults"); // and the cache serves on
    }

    @Test
    void receiptsCanBeTurnedOff(TestInfo info) throws Exception {
        topic = new ViewsTopic(broker, info.getTestMethod().orElseThrow().getName(), 1);
        TopicSpec<String, ClientReceipt> clients = topic.topics.clients();
        broker.createTopic(clients.name(), clients.partitions(), clients.configs());
        topic.put(defaults(1));
        cache = ConfigCache.builder().bootstrapServers(broker.bootstrapServers()).topics(topic.topics)
                .clientReceipts(false).build();
        assertThat(cache.awaitLive(WAIT)).isTrue();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> latest(clients.name()).isEmpty());
    }

    /** The latest receipt per client id (tombstones remove). */
    private Map<String, ClientReceipt> latest(String name) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        Map<String, ClientReceipt> out = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition p = new TopicPartition(name, 0);
            c.assign(List.of(p));
            c.seekToBeginning(List.of(p));
            long end = c.endOffsets(List.of(p)).get(p);
            while (c.position(p) < end) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        out.remove(r.key());
                    } else {
                        out.put(r.key(), AvroSerdes.clientReceipt().decode(r.value()));
                    }
                }
            }
        }
        return out;
    }
}
