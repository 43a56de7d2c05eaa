package io.mcpconfig.cache.internal;

import io.mcpconfig.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import io.mcpconfig.schemas.config.KafkaSettings;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The validated settings of one cache, as {@code ConfigCacheBuilder} hands them over. Not API:
 * public only because the builder lives in the API package.
 *
 * @param orgFilter        null: every org
 * @param snapshotFile     null: no snapshot
 * @param listenerExecutor null: listeners run on the consumer thread
 */
public record CacheConfig(String bootstrapServers, Topics topics, Set<String> orgFilter, Path snapshotFile,
                          Duration snapshotInterval, long maximumWeight, Clock clock, Executor listenerExecutor,
                          MeterRegistry meterRegistry, Map<String, String> consumerProperties) {

    /** Consumer settings the cache's correctness depends on; users cannot override them. */
    public static final Set<String> MANAGED_CONSUMER_KEYS = Set.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConsumerConfig.GROUP_ID_CONFIG,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG);

    /** The address and the consumer properties any Kafka client knows (security): for the topic check. */
    KafkaSettings kafka() {
        Map<String, String> common = new java.util.HashMap<>(consumerProperties);
        common.keySet().retainAll(AdminClientConfig.configNames());
        common.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        return new KafkaSettings(bootstrapServers, topics, java.util.Optional.empty(), common, java.util.Optional.empty());
    }

    /** Whether the cache holds this key's view: the defaults always, an org unless filtered out. */
    boolean selects(String key) {
        return orgFilter == null || orgFilter.contains(key) || io.mcpconfig.schemas.Scopes.isDefaults(key);
    }
}
