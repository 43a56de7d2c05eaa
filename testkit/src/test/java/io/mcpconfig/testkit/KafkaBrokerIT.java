package io.mcpconfig.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs its own broker, not the shared one, because it stops and restarts it. Start, stop and
 * restart times are logged by KafkaBroker at INFO.
 */
class KafkaBrokerIT {

  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void closeBroker() {
    broker.close();
  }

  @Test
  void producesAndConsumesThroughAGroup() throws Exception {
    String topic = TestNames.unique("kafka_roundtrip");
    broker.createTopic(topic, 2, Map.of("cleanup.policy", "compact"));

    send(topic, "key", "value");

    try (KafkaConsumer<String, String> consumer = consumer(TestNames.unique("group"))) {
      consumer.subscribe(List.of(topic));
      assertThat(pollUntilCount(consumer, 1)).singleElement()
          .satisfies(r -> assertThat(r.key() + "=" + r.value()).isEqualTo("key=value"));
    }
  }

  @Test
  void acceptsRecordsOf20MiB() throws Exception {
    String topic = TestNames.unique("kafka_large");
    broker.createTopic(topic, 1, Map.of());
    String large = "x".repeat(20 * 1024 * 1024);

    try (KafkaProducer<String, String> producer = producer(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 21 * 1024 * 1024))) {
      producer.send(new ProducerRecord<>(topic, "big", large)).get(30, TimeUnit.SECONDS);
    }

    try (KafkaConsumer<String, String> consumer = consumer(TestNames.unique("group"))) {
      consumer.subscribe(List.of(topic));
      assertThat(pollUntilCount(consumer, 1)).singleElement()
          .satisfies(r -> assertThat(r.value()).hasSize(large.length()));
    }
  }

  @Test
  void sharedAdminSurvivesCallersClosingIt() throws Exception {
    try (Admin admin = broker.admin()) {
      assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
    }

    assertThat(broker.admin().describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
  }

  @Test
  void createTopicRejectsAnExistingTopic() {
    String topic = TestNames.unique("kafka_twice");
    broker.createTopic(topic, 1, Map.of());

    assertThatThrownBy(() -> broker.createTopic(topic, 1, Map.of()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(topic);
  }

  @Test
  void stopTakesTheBrokerAwayAndRestartBringsItBackWithItsData() throws Exception {
    String topic = TestNames.unique("kafka_restart");
    String bootstrap = broker.bootstrapServers();
    broker.createTopic(topic, 1, Map.of());
    send(topic, "before", "stop");

    broker.stop();

    assertThat(broker.isRunning()).isFalse();
    assertThatThrownBy(() -> broker.admin().describeCluster(new DescribeClusterOptions().timeoutMs(1_000))
        .nodes().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
    try (KafkaProducer<String, String> producer = producer(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000))) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "during", "stop")).get(10, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(TimeoutException.class);
    }

    broker.restart();

    assertThat(broker.isRunning()).isTrue();
    assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
    send(topic, "after", "restart");
    try (KafkaConsumer<String, String> consumer = consumer(TestNames.unique("group"))) {
      consumer.subscribe(List.of(topic));
      assertThat(pollUntilCount(consumer, 2)).extracting(ConsumerRecord::key).containsExactly("before", "after");
    }
  }

  @Test
  void closedBrokerStaysClosed() {
    KafkaBroker other = KafkaBroker.start();
    assertThat(other.bootstrapServers()).isNotEqualTo(broker.bootstrapServers());

    other.close();
    other.close();

    assertThat(other.isRunning()).isFalse();
    assertThatThrownBy(other::restart).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(other::admin).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  private static void send(String topic, String key, String value) throws Exception {
    try (KafkaProducer<String, String> producer = producer(Map.of())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> overrides) {
    Map<String, Object> config = new HashMap<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 0));
    config.putAll(overrides);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(String group) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, group,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 25 * 1024 * 1024,
        ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 25 * 1024 * 1024);
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  private static List<ConsumerRecord<String, String>> pollUntilCount(KafkaConsumer<String, String> consumer, int count) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
      consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      return records.size() >= count;
    });
    return records;
  }
}
