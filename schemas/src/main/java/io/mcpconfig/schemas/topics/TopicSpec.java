package io.mcpconfig.schemas.topics;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic, declared once: its name, how its keys and values are encoded, and its settings.
 * Nobody spells a topic name as a string literal elsewhere. What {@link TopicCheck} verifies on an
 * existing topic follows from {@code configs}; {@code fixedPartitions} says whether its partition
 * count must also be {@code partitions} (otherwise that is only the count it is created with).
 */
public record TopicSpec<K, V>(
        String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, Map<String, String> configs,
        boolean fixedPartitions) {

    public TopicSpec {
        configs = Map.copyOf(configs);
    }

    /** A topic whose partition count, once created, is not checked. */
    public TopicSpec(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, Map<String, String> configs) {
        this(name, keySerde, valueSerde, partitions, configs, false);
    }

    /** The topic as the admin client creates it. */
    public NewTopic newTopic(Optional<Short> replicationFactor) {
        return new NewTopic(name, Optional.of(partitions), replicationFactor).configs(configs);
    }
}
