package io.mcpconfig.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.management.ManagementConfig;
import io.mcpconfig.schemas.config.Keys;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code java -jar cdc-publisher.jar} with a bad setting: exit code 2 and one line naming the key. */
class BadSettingsIT {

    @Test
    void missingBootstrapServers() throws Exception {
        Map<String, String> env = validEnv();
        env.remove(Keys.KAFKA_BOOTSTRAP);
        assertOneLineExit2(env, "MCPCONFIG_KAFKA_BOOTSTRAP: is not set");
    }

    @Test
    void unreachableDatabase() throws Exception {
        Map<String, String> env = validEnv();
        env.put(Keys.DB_URL, "jdbc:postgresql://127.0.0.1:" + closedPort() + "/nowhere");
        assertOneLineExit2(env, "MCPCONFIG_DB_URL: can't use jdbc:postgresql://127.0.0.1:");
    }

    @Test
    void unreachableKafka() throws Exception {
        Map<String, String> env = validEnv();
        env.put(Keys.KAFKA_BOOTSTRAP, "127.0.0.1:" + closedPort());
        assertOneLineExit2(env, "MCPCONFIG_KAFKA_BOOTSTRAP: no Kafka answered at 127.0.0.1:");
    }

    @Test
    void offsetsTopicThatDeletes() throws Exception {
        Map<String, String> env = validEnv();
        String topic = env.get(Keys.TOPIC_PREFIX) + ".publisher.offsets";
        // What a stock broker makes of a metadata request for the missing topic.
        TestServers.kafka().createTopic(topic, 1, Map.of("cleanup.policy", "delete"));
        assertOneLineExit2(env, "topic " + topic + ": has cleanup.policy=delete but needs cleanup.policy=compact; fix: kafka-configs.sh");
    }

    @Test
    void partitionsNotANumber() throws Exception {
        Map<String, String> env = validEnv();
        env.put(Keys.PARTITIONS, "many");
        assertOneLineExit2(env, "MCPCONFIG_PARTITIONS: 'many' is not a whole number");
    }

    private static Map<String, String> validEnv() {
        String db = TestNames.unique("bad_settings");
        Map<String, String> env = new HashMap<>();
        env.put(Keys.DB_URL, new TestDb(db).url);
        env.put(Keys.DB_USER, TestServers.postgres().user());
        env.put(Keys.KAFKA_BOOTSTRAP, TestServers.kafka().bootstrapServers());
        env.put(Keys.TOPIC_PREFIX, db);
        return env;
    }

    @Test
    void aTakenManagementPortIsABadSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Map<String, String> env = validEnv();
            env.put(ManagementConfig.PORT, String.valueOf(taken.getLocalPort()));
            assertOneLineExit2(env, "MCPCONFIG_MANAGEMENT_PORT: can't serve the management endpoints on port " + taken.getLocalPort());
        }
    }

    private static void assertOneLineExit2(Map<String, String> env, String expected) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(PublisherProcess.command()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("MCPCONFIG_"));
        builder.environment().putAll(env);
        builder.environment().putIfAbsent(ManagementConfig.PORT, "0");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(lines).as(output).singleElement().asString().startsWith("cdc-publisher: " + expected);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // closed again when we use it: connections are refused
        }
    }
}
