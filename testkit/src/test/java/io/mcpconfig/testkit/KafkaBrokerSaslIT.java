package io.mcpconfig.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SASL broker lets in its user and no one else; the plain broker auto-creates topics as a stock one does. */
class KafkaBrokerSaslIT {
  private static KafkaBroker sasl;

  @BeforeAll
  static void start() {
    sasl = KafkaBroker.startWithSasl("alice", "alice-secret");
  }

  @AfterAll
  static void close() {
    sasl.close();
  }

  @Test
  void theUserWithItsPasswordGetsInAndAWrongPasswordIsRefused() throws Exception {
    String topic = TestNames.unique("sasl");
    sasl.createTopic(topic, 1, Map.of());
    assertThat(sasl.clientProperties()).containsEntry("security.protocol", "SASL_PLAINTEXT");
    assertThat(sasl.admin().listTopics().names().get(30, TimeUnit.SECONDS)).contains(topic);

    Map<String, Object> wrong = new HashMap<>(KafkaBroker.saslClientProperties("alice", "wrong"));
    wrong.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, sasl.bootstrapServers());
    try (Admin admin = Admin.create(wrong)) {
      assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void theSharedBrokerAutoCreatesATopicAClientAsksAbout() throws Exception {
    KafkaBroker stock = TestServers.kafka();
    String topic = TestNames.unique("asked_about");
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stock.bootstrapServers());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.partitionsFor(topic);
    }
    // The broker creates it in the background.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        assertThat(stock.admin().describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions())
            .as("Kafka's default num.partitions").hasSize(1));
  }
}
