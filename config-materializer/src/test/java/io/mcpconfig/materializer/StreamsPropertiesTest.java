package io.mcpconfig.materializer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {
    @Test
    void the_global_thread_uses_the_processing_handler_so_streams_does_not_warn_at_start() {
        StreamsConfig config = new StreamsConfig(MaterializerConfig.of("localhost:9092", Topics.withPrefix("t"), Path.of("state"))
                .streamsProperties(new SimpleMeterRegistry()));
        assertThat(config.getBoolean(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)).isTrue();
        // What the partition assignor builds its own StreamsConfig from (and warns on, if the flag is missing).
        java.util.Map<String, Object> consumer = config.getMainConsumerConfigs("group", "client", 0);
        assertThat(new StreamsConfig(consumer).getBoolean(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)).isTrue();
    }
}
