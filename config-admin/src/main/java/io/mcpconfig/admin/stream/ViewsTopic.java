package io.mcpconfig.admin.stream;

import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.serde.AvroSerdes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a compacted views topic to its end offsets (taken first) as a client would see it. */
final class ViewsTopic {
    private static final Logger LOG = LoggerFactory.getLogger(ViewsTopic.class);

    private ViewsTopic() {}

    static Map<String, OrgView> read(KafkaSettings connection, Admin admin, String topic) {
        List<TopicPartition> partitions = Clients.partitions(admin, topic);
        Map<String, OrgView> views = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = Clients.reader(connection)) {
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    if (r.value() == null) {
                        views.remove(r.key());
                        continue;
                    }
                    try {
                        OrgView v = AvroSerdes.orgView().deserialize(topic, r.value());
                        OrgView held = views.get(r.key());
                        if (held == null || v.getRevision() >= held.getRevision()) { // clients drop older revisions
                            views.put(r.key(), v);
                        }
                    } catch (SerializationException e) {
                        LOG.warn("skipped undecodable view {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                }
            }
        }
        return views;
    }
}
