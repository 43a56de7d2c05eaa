package io.mcpconfig.cache;

import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.serde.AvroSerdes;
import io.mcpconfig.schemas.topics.TopicSpec;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.TestNames;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** A views topic of its own on a real broker, written as the materializer would: keyed, with the real serde. */
public final class ViewsTopic implements AutoCloseable {
    public final Topics topics;
    private final KafkaProducer<String, OrgView> producer;

    public ViewsTopic(KafkaBroker broker, String testName, int partitions) {
        this.topics = Topics.withPrefix(TestNames.unique(testName), partitions);
        TopicSpec<String, OrgView> views = topics.views();
        broker.createTopic(views.name(), views.partitions(), views.configs());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                new StringSerializer(), AvroSerdes.orgView().serializer());
    }

    /** Writes a view and waits for the broker's acknowledgement. */
    public void put(OrgView view) {
        send(view.getOrgId(), view);
    }

    /** Writes a tombstone for {@code orgId}. */
    public void delete(String orgId) {
        send(orgId, null);
    }

    private void send(String key, OrgView value) {
        try {
            producer.send(new ProducerRecord<>(topics.views().name(), key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write " + key, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
