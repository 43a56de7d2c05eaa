package io.mcpconfig.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an existing topic must have, derived from its designed configs. */
class TopicCheckTest {
    private static final String TOOL = "kafka-configs.sh --bootstrap-server k:9092";
    private final Topics topics = Topics.withPrefix("acme", 6);

    @Test
    void aTopicAsDesignedHasNoProblem() {
        for (TopicSpec<?, ?> spec : topics.owned()) {
            assertThat(TopicCheck.problem(spec, spec.partitions(), spec.configs(), TOOL)).as(spec.name()).isEmpty();
        }
    }

    @Test
    void anAutoCreatedViewsTopicNamesWhatItHasWhatItNeedsAndTheExactFix() {
        // What a stock broker gives a topic created by a metadata request.
        Map<String, String> autoCreated = Map.of("cleanup.policy", "delete", "retention.ms", "604800000",
                "max.message.bytes", "1048588");
        assertThat(TopicCheck.problem(topics.views(), 1, autoCreated, TOOL)).contains(
                "has cleanup.policy=delete, max.message.bytes=1048588 but needs cleanup.policy=compact, max.message.bytes=20971520;"
                        + " fix: kafka-configs.sh --bootstrap-server k:9092 --alter --entity-type topics --entity-name acme.views"
                        + " --add-config cleanup.policy=compact,max.message.bytes=20971520");
    }

    @Test
    void theChangesTopicMustKeepEverythingForever() {
        Map<String, String> found = new HashMap<>(topics.changes().configs());
        found.put("retention.ms", "604800000");
        assertThat(TopicCheck.problem(topics.changes(), 6, found, TOOL)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("has retention.ms=604800000 but needs retention.ms=-1;").endsWith("--add-config retention.ms=-1"));
        found.put("retention.ms", "-1");
        found.put("cleanup.policy", "compact");
        assertThat(TopicCheck.problem(topics.changes(), 6, found, TOOL)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("has cleanup.policy=compact but needs cleanup.policy=delete;"));
    }

    @Test
    void aLargerMaxMessageBytesIsFineASmallerOneIsNot() {
        Map<String, String> found = new HashMap<>(topics.views().configs());
        found.put("max.message.bytes", String.valueOf(Topics.VIEW_MAX_BYTES * 2));
        assertThat(TopicCheck.problem(topics.views(), 6, found, TOOL)).isEmpty();
        found.put("max.message.bytes", String.valueOf(Topics.VIEW_MAX_BYTES - 1));
        assertThat(TopicCheck.problem(topics.views(), 6, found, TOOL)).isPresent();
    }

    @Test
    void onlyTheChangesTopicMustHaveTheConfiguredPartitionCount() {
        assertThat(TopicCheck.problem(topics.changes(), 3, topics.changes().configs(), TOOL)).contains(
                "has 3 partitions but this service is set to 6; fix: set MCPCONFIG_PARTITIONS=3 for every service"
                        + " (a used topic's partition count must not change: scopes would move)");
        assertThat(TopicCheck.problem(topics.views(), 3, topics.views().configs(), TOOL)).isEmpty();
        assertThat(TopicCheck.problem(topics.publisherOffsets(), 25, topics.publisherOffsets().configs(), TOOL)).isEmpty();
    }

    @Test
    void compactedOffsetsTopicsAreCheckedForTheirPolicyOnly() {
        assertThat(TopicCheck.problem(topics.publisherOffsets(), 1, Map.of("cleanup.policy", "delete", "retention.ms", "1"), TOOL))
                .hasValueSatisfying(line -> assertThat(line).startsWith("has cleanup.policy=delete but needs cleanup.policy=compact;"));
        assertThat(TopicCheck.problem(topics.publisherOffsets(), 1, Map.of("cleanup.policy", "compact,delete"), TOOL)).isPresent();
    }
}
