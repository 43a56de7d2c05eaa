package io.mcpconfig.schemas.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Whether an existing topic has the settings its {@link TopicSpec} was designed with, as far as
 * they protect data: the cleanup policy (a deleting views or offsets topic loses state; a compacted
 * changes topic loses history), the retention of a deleting topic, a large enough
 * {@code max.message.bytes}, and a fixed partition count. Pure.
 */
public final class TopicCheck {
    private TopicCheck() {}

    /**
     * What is wrong, in one line: what the topic has, what it needs and the command that fixes it
     * (callers prefix it with {@code "topic <name>: "}); empty if the topic is as designed.
     *
     * @param found       the topic's effective configs (as {@code describeConfigs} reports them, defaults included)
     * @param configsTool the start of the fix command, e.g. {@code kafka-configs.sh --bootstrap-server k:9092}
     */
    public static Optional<String> problem(TopicSpec<?, ?> spec, int partitions, Map<String, String> found, String configsTool) {
        List<String> has = new ArrayList<>();
        List<String> needs = new ArrayList<>();
        for (Map.Entry<String, String> required : requirements(spec).entrySet()) {
            String key = required.getKey();
            String value = found.get(key);
            boolean ok = key.equals(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)
                    ? value != null && atLeast(value, required.getValue())
                    : required.getValue().equals(value);
            if (!ok) {
                has.add(key + "=" + value);
                needs.add(key + "=" + required.getValue());
            }
        }
        if (!needs.isEmpty()) {
            return Optional.of("has " + String.join(", ", has) + " but needs " + String.join(", ", needs)
                    + "; fix: " + configsTool + " --alter --entity-type topics --entity-name " + spec.name()
                    + " --add-config " + String.join(",", needs));
        }
        if (spec.fixedPartitions() && partitions != spec.partitions()) {
            return Optional.of("has " + partitions + " partitions but this service is set to "
                    + spec.partitions() + "; fix: set MCPCONFIG_PARTITIONS=" + partitions
                    + " for every service (a used topic's partition count must not change: scopes would move)");
        }
        return Optional.empty();
    }

    /** The designed configs that are verified, with the value each needs ({@code max.message.bytes}: at least). */
    static Map<String, String> requirements(TopicSpec<?, ?> spec) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        String policy = spec.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG);
        if (policy != null) {
            out.put(TopicConfig.CLEANUP_POLICY_CONFIG, policy);
        }
        if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy)) { // retention only deletes on a deleting topic
            copy(spec, TopicConfig.RETENTION_MS_CONFIG, out);
            copy(spec, TopicConfig.RETENTION_BYTES_CONFIG, out);
        }
        copy(spec, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, out);
        return out;
    }

    private static void copy(TopicSpec<?, ?> spec, String key, Map<String, String> out) {
        String value = spec.configs().get(key);
        if (value != null) {
            out.put(key, value);
        }
    }

    private static boolean atLeast(String found, String needed) {
        try {
            return Long.parseLong(found.trim()) >= Long.parseLong(needed);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
