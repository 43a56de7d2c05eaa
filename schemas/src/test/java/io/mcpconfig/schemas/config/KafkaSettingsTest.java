package io.mcpconfig.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {
    @Test
    void readsAddressTopicsAndReplicationFactor() {
        KafkaSettings k = KafkaSettings.fromSettings(Settings.fromMap(Map.of(
                "MCPCONFIG_KAFKA_BOOTSTRAP", "k1:9092,k2:9092", "MCPCONFIG_TOPIC_PREFIX", "acme",
                "MCPCONFIG_PARTITIONS", "12", "MCPCONFIG_REPLICATION_FACTOR", "3")));
        assertThat(k.bootstrap()).isEqualTo("k1:9092,k2:9092");
        assertThat(k.topics().changes().name()).isEqualTo("acme.changes");
        assertThat(k.topics().partitions()).isEqualTo(12);
        assertThat(k.replicationFactor()).contains((short) 3);
        assertThat(k.clientProperties()).isEmpty();
    }

    @Test
    void defaultsAreThePrefixMcpconfigSixPartitionsAndTheBrokersReplicationFactor() {
        KafkaSettings k = KafkaSettings.fromSettings(Settings.fromMap(Map.of("MCPCONFIG_KAFKA_BOOTSTRAP", "k:9092")));
        assertThat(k.topics().prefix()).isEqualTo("mcpconfig");
        assertThat(k.topics().partitions()).isEqualTo(6);
        assertThat(k.replicationFactor()).isEmpty();
    }

    @Test
    void passesVariablesAndThePropertiesFileThroughToEveryClientTheVariableWinning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nssl.truststore.location=/etc/ts.jks\n");
        KafkaSettings k = KafkaSettings.fromSettings(Settings.fromMap(Map.of(
                "MCPCONFIG_KAFKA_BOOTSTRAP", "k:9093", "MCPCONFIG_KAFKA_PROPERTIES_FILE", file.toString(),
                "MCPCONFIG_KAFKA_SASL_MECHANISM", "SCRAM-SHA-256",
                "MCPCONFIG_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"secret\";")));
        assertThat(k.clientProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry("ssl.truststore.location", "/etc/ts.jks")
                .containsKey("sasl.jaas.config");
        for (var props : java.util.List.of(k.admin(), k.producer(), k.consumer())) {
            assertThat(props).containsEntry("bootstrap.servers", "k:9093").containsEntry("security.protocol", "SASL_SSL");
        }
        assertThat(k.toString()).doesNotContain("secret").contains("SASL_SSL");
        assertThat(k.commandLine("kafka-configs.sh")).isEqualTo("kafka-configs.sh --bootstrap-server k:9093 --command-config " + file);
    }

    @Test
    void everyConsumerIsToldNeverToAutoCreateATopic() {
        assertThat(KafkaSettings.of("k:9092", io.mcpconfig.schemas.topics.Topics.withPrefix("t")).consumer())
                .containsEntry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    }

    @Test
    void aMisspelledOrRefusedPropertyIsABadSettingNamingTheVariable() {
        assertThatThrownBy(() -> KafkaSettings.fromSettings(Settings.fromMap(Map.of(
                "MCPCONFIG_KAFKA_BOOTSTRAP", "k:9092", "MCPCONFIG_KAFKA_SECURITY_PROTOCL", "SASL_SSL"))))
                .isInstanceOf(BadSettingException.class)
                .hasMessageStartingWith("MCPCONFIG_KAFKA_SECURITY_PROTOCL: 'security.protocl' is not a Kafka client property");
        assertThatThrownBy(() -> KafkaSettings.fromSettings(Settings.fromMap(Map.of(
                "MCPCONFIG_KAFKA_BOOTSTRAP", "k:9092", "MCPCONFIG_KAFKA_ALLOW_AUTO_CREATE_TOPICS", "true"))))
                .isInstanceOf(BadSettingException.class).hasMessageContaining("never auto-create");
        assertThatThrownBy(() -> KafkaSettings.fromSettings(Settings.fromMap(Map.of())))
                .isInstanceOf(BadSettingException.class).hasMessageStartingWith("MCPCONFIG_KAFKA_BOOTSTRAP: is not set");
    }

    @Test
    void everyClientPropertyNameCanBeWrittenAsAVariable() {
        Set<String> names = new HashSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        assertThat(names).allSatisfy(n -> assertThat(n).doesNotContain("_"));
        assertThat(KafkaSettings.propertyName("MCPCONFIG_KAFKA_SSL_TRUSTSTORE_LOCATION")).isEqualTo("ssl.truststore.location");
    }

    @Test
    void unreadablePropertiesFileNamesTheKey() {
        assertThatThrownBy(() -> KafkaSettings.fromSettings(Settings.fromMap(Map.of(
                "MCPCONFIG_KAFKA_BOOTSTRAP", "k:9092", "MCPCONFIG_KAFKA_PROPERTIES_FILE", "/nope/client.properties"))))
                .hasMessageStartingWith("MCPCONFIG_KAFKA_PROPERTIES_FILE: can't read /nope/client.properties");
        assertThat(KafkaSettings.of("k:1", io.mcpconfig.schemas.topics.Topics.withPrefix("t")).propertiesFile()).isEqualTo(Optional.empty());
    }
}
