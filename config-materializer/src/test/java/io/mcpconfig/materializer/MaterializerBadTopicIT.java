package io.mcpconfig.materializer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service as ops run it stops on a views topic that would lose views: exit 2, one line naming the fix. */
class MaterializerBadTopicIT {
    @TempDir
    Path stateDir;

    @Test
    void aDeletingViewsTopicStopsTheServiceWithOneLine() throws Exception {
        Topics topics = Topics.withPrefix(TestNames.unique("bad_views"), ItSupport.PARTITIONS);
        Map<String, String> wrong = new HashMap<>(topics.views().configs());
        wrong.put("cleanup.policy", "delete");
        TestServers.kafka().createTopic(topics.views().name(), 1, wrong);

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", new File("target/config-materializer.jar").getAbsolutePath()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("MCPCONFIG_"));
        pb.environment().put("MCPCONFIG_KAFKA_BOOTSTRAP", ItSupport.bootstrap());
        pb.environment().put("MCPCONFIG_TOPIC_PREFIX", topics.prefix());
        pb.environment().put("MCPCONFIG_PARTITIONS", String.valueOf(ItSupport.PARTITIONS));
        pb.environment().put("MCPCONFIG_STATE_DIR", stateDir.toString());
        Process process = pb.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isEqualTo(2);
        List<String> stopLines = output.lines().filter(l -> l.startsWith("config-materializer:")).toList();
        assertThat(stopLines).as(output).containsExactly("config-materializer: bad setting topic " + topics.views().name()
                + ": has cleanup.policy=delete but needs cleanup.policy=compact; fix: kafka-configs.sh --bootstrap-server "
                + ItSupport.bootstrap() + " --alter --entity-type topics --entity-name " + topics.views().name()
                + " --add-config cleanup.policy=compact");
    }
}
