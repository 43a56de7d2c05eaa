package io.mcpconfig.mcp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.materializer.ConfigMaterializer;
import io.mcpconfig.materializer.MaterializerConfig;
import io.mcpconfig.publisher.CdcPublisher;
import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.topics.TopicSpec;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each owned topic pre-created with the wrong cleanup policy stops the publisher and the materializer with one line. */
class WrongTopicIT {
    @TempDir
    Path stateDir;

    @Test
    void eachWrongTopicStopsBothServicesNamingTheTopicWhatItHasWhatItNeedsAndTheFix() throws Exception {
        KafkaBroker broker = TestServers.kafka();
        PipelineDb db = new PipelineDb("wrong_topic");
        int topicCount = Topics.withPrefix("x").owned().size();
        for (int i = 0; i < topicCount; i++) {
            Topics topics = Topics.withPrefix(TestNames.unique("wrong_topic"), 2);
            TopicSpec<?, ?> spec = topics.owned().get(i);
            String needed = spec.configs().get("cleanup.policy");
            String found = needed.equals("compact") ? "delete" : "compact";
            Map<String, String> wrong = new HashMap<>(spec.configs());
            wrong.put("cleanup.policy", found);
            broker.createTopic(spec.name(), spec.partitions(), wrong);
            KafkaSettings kafka = KafkaSettings.of(broker.bootstrapServers(), topics);
            String line = "topic " + spec.name() + ": has cleanup.policy=" + found + " but needs cleanup.policy=" + needed
                    + "; fix: kafka-configs.sh --bootstrap-server " + broker.bootstrapServers()
                    + " --alter --entity-type topics --entity-name " + spec.name() + " --add-config cleanup.policy=" + needed;

            assertThatThrownBy(() -> ConfigMaterializer.start(MaterializerConfig.of(kafka, stateDir)).close())
                    .isInstanceOf(BadSettingException.class).hasMessage(line);
            assertThatThrownBy(() -> CdcPublisher.start(db.publisher(kafka)).close())
                    .isInstanceOf(BadSettingException.class).hasMessage(line);
        }
    }
}
