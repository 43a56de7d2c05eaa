package io.mcpconfig.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one node) running inside this
 * JVM, listening on {@code 127.0.0.1} on free ports, with its log folder in a fresh temporary
 * folder.
 *
 * <p>Set up for tests on one node: every replication factor and min ISR is 1, internal topics have
 * one partition, consumer groups rebalance without delay, and records up to 25 MiB are accepted
 * ({@code message.max.bytes}; producers and consumers have their own limits to raise). Topic
 * auto-creation and the partition count of new topics are Apache Kafka's defaults
 * ({@code auto.create.topics.enable=true}, {@code num.partitions=1}), as on a stock broker or a
 * managed cluster: a client that asks for a missing topic's metadata creates it with the broker's
 * defaults, and tests see that.
 *
 * <p>{@link #startWithSasl} starts a broker whose client listener is {@code SASL_PLAINTEXT} with
 * {@code PLAIN} and one user; clients then need {@link #clientProperties()}.
 *
 * <p>{@link #stop()} and {@link #restart()} take the broker down and bring it back on the same
 * address with the same data, to test clients across a broker outage. {@link #close()} stops it and
 * deletes its folder; a JVM shutdown hook does the same for brokers still open at exit.
 *
 * <p>The broker logs through SLF4J (testkit brings no binding) and is chatty at INFO: tests should
 * set {@code org.apache.kafka} and {@code kafka} to WARN, and to ERROR both
 * {@code org.apache.kafka.controller.QuorumController} (it reports every start at WARN) and
 * {@code org.apache.kafka.clients.NetworkClient} (clients warn on every reconnect attempt while the
 * broker is stopped). With slf4j-simple as a test dependency, testkit's own
 * {@code src/test/resources/simplelogger.properties} does exactly that.
 *
 * <p>Thread-safe. {@link #start()}, {@link #stop()}, {@link #restart()}, {@link #createTopic} and
 * {@link #close()} block until done; the others return at once.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
  static final String HOST = "127.0.0.1";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration ADMIN_CALL_TIMEOUT = Duration.ofSeconds(30);
  /**
   * Brokers in one JVM share JMX and metric names keyed by node id: distinct ids keep a second
   * broker (e.g. a test's own next to the shared one) from clashing with the first.
   */
  private static final AtomicInteger NODE_IDS = new AtomicInteger();

  private final Path root;
  private final Map<String, String> clientProperties;
  private final Properties serverProperties;
  private final int nodeId;
  private final String bootstrapServers;
  private final ExitHook exitHook;
  private final Object lock = new Object();

  private KafkaRaftServer server;
  private SharedAdmin admin;
  private boolean closed;

  private KafkaBroker(Path root, int nodeId, int port, int controllerPort, BrokerSettings.Sasl sasl) {
    this.root = root;
    this.nodeId = nodeId;
    this.bootstrapServers = HOST + ":" + port;
    this.serverProperties = BrokerSettings.of(root.resolve("data"), nodeId, port, controllerPort);
    this.clientProperties = sasl == null ? Map.of() : saslClientProperties(sasl.user(), sasl.password());
    if (sasl != null) {
      sasl.apply(serverProperties, HOST + ":" + port);
    }
    this.exitHook = ExitHook.register("kafka-broker-" + nodeId + "-exit", this::close);
  }

  /**
   * Formats a new log folder and starts a broker on it, blocking until it serves clients (about
   * 2 s for the first broker in a JVM, which loads Kafka's classes; about 0.3 s after that).
   *
   * @throws IllegalStateException if the broker could not be started; its folder is then deleted
   */
  public static KafkaBroker start() {
    return start(null);
  }

  /**
   * As {@link #start()}, with the client listener on {@code SASL_PLAINTEXT}, mechanism
   * {@code PLAIN}, knowing one user with this password (and no authorizer: an authenticated user
   * may do anything). Clients connect with {@link #clientProperties()}.
   */
  public static KafkaBroker startWithSasl(String user, String password) {
    return start(new BrokerSettings.Sasl(user, password));
  }

  /** The client settings for {@code PLAIN} over {@code SASL_PLAINTEXT} as {@code user}, e.g. with a wrong password. */
  public static Map<String, String> saslClientProperties(String user, String password) {
    return Map.of(
        "security.protocol", "SASL_PLAINTEXT",
        "sasl.mechanism", "PLAIN",
        "sasl.jaas.config", BrokerSettings.Sasl.jaas(user, password, ""));
  }

  /** What a client needs besides {@code bootstrap.servers}: empty, or the SASL settings of {@link #startWithSasl}. */
  public Map<String, String> clientProperties() {
    return clientProperties;
  }

  private static KafkaBroker start(BrokerSettings.Sasl sasl) {
    long startedAt = System.nanoTime();
    Path root = TempDirs.create("mcpconfig-kafka-");
    KafkaBroker broker;
    try {
      int port = Ports.freeOutsideEphemeralRange();
      int controllerPort;
      do {
        controllerPort = Ports.freeOutsideEphemeralRange();
      } while (controllerPort == port);
      broker = new KafkaBroker(root, NODE_IDS.incrementAndGet(), port, controllerPort, sasl);
    } catch (RuntimeException e) {
      TempDirs.deleteRecursively(root);
      throw e;
    }
    try {
      BrokerSettings.format(broker.root, broker.serverProperties);
      synchronized (broker.lock) {
        broker.startServer();
      }
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    LOG.info("Kafka broker started on {} in {} ms", broker.bootstrapServers,
        Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
    return broker;
  }

  /** Caller holds {@link #lock}. */
  private void startServer() {
    // A fresh KafkaConfig each time: a config carries the dynamic state of the server it started.
    KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(serverProperties, false), Time.SYSTEM);
    try {
      started.startup();
      server = started;
      awaitServing();
    } catch (RuntimeException e) {
      server = null;
      started.shutdown();
      started.awaitShutdown();
      throw new IllegalStateException("could not start the Kafka broker on " + bootstrapServers, e);
    }
  }

  /** Waits until clients see the broker: describeCluster lists it (it leaves out fenced brokers). */
  private void awaitServing() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        boolean listed = adminClient()
            .describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
            .nodes().get(10, TimeUnit.SECONDS).stream().anyMatch(node -> node.id() == nodeId);
        if (listed) {
          return;
        }
      } catch (ExecutionException | TimeoutException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
      }
      pause();
    }
    throw new IllegalStateException("Kafka broker on " + bootstrapServers + " not serving after " + READY_TIMEOUT, last);
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
    }
  }

  /** {@code host:port} for the {@code bootstrap.servers} client setting; the same across restarts. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * An Admin client for this broker, shared by all callers and owned by the broker: closing it
   * does nothing, {@link #close()} closes it. It outlives {@link #stop()} and reconnects after
   * {@link #restart()}.
   *
   * @throws IllegalStateException if the broker is closed
   */
  public Admin admin() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("Kafka broker on " + bootstrapServers + " is closed");
      }
      return adminClient();
    }
  }

  /** Caller holds {@link #lock}, or has the broker to itself (while starting). */
  private SharedAdmin adminClient() {
    if (admin == null) {
      Map<String, Object> props = new java.util.HashMap<>(clientProperties);
      props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      props.put(AdminClientConfig.CLIENT_ID_CONFIG, "testkit-admin-" + nodeId);
      admin = new SharedAdmin(props);
    }
    return admin;
  }

  /**
   * Creates a topic with replication factor 1 and blocks until every partition has a leader, so
   * producers and consumers can use it at once.
   *
   * @param configs topic settings such as {@code cleanup.policy}; may be empty
   * @throws IllegalStateException if the topic could not be created, e.g. it already exists
   */
  public void createTopic(String name, int partitions, Map<String, String> configs) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(configs, "configs");
    Admin client = admin();
    try {
      client.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
          .all().get(ADMIN_CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      awaitLeaders(client, name);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("could not create topic " + name + " within " + ADMIN_CALL_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    }
  }

  private void awaitLeaders(Admin client, String topic)
      throws ExecutionException, TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + ADMIN_CALL_TIMEOUT.toNanos();
    while (true) {
      try {
        TopicDescription description = client.describeTopics(List.of(topic)).allTopicNames()
            .get(ADMIN_CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        if (description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          return;
        }
      } catch (ExecutionException e) {
        // The broker may not know a just-created topic yet: UnknownTopicOrPartition, try again.
        if (System.nanoTime() >= deadline) {
          throw e;
        }
      }
      if (System.nanoTime() >= deadline) {
        throw new TimeoutException("partitions of " + topic + " have no leader after " + ADMIN_CALL_TIMEOUT);
      }
      pause();
    }
  }

  /** Whether the broker is serving: started and neither stopped nor closed. */
  public boolean isRunning() {
    synchronized (lock) {
      return server != null;
    }
  }

  /**
   * Shuts the broker down, keeping its address and data for {@link #restart()}. Clients then
   * fail to reach it until it is restarted. Blocks until it is down; does nothing if it is not
   * running.
   */
  public void stop() {
    synchronized (lock) {
      if (server == null) {
        return;
      }
      long stoppingAt = System.nanoTime();
      KafkaRaftServer stopping = server;
      server = null;
      stopping.shutdown();
      stopping.awaitShutdown();
      LOG.info("Kafka broker on {} stopped in {} ms", bootstrapServers,
          Duration.ofNanos(System.nanoTime() - stoppingAt).toMillis());
    }
  }

  /**
   * Starts the broker again on the same address with the data it had, blocking until it serves
   * clients; a running broker is stopped first.
   *
   * @throws IllegalStateException if the broker is closed or could not be started
   */
  public void restart() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("Kafka broker on " + bootstrapServers + " is closed");
      }
      stop();
      long startedAt = System.nanoTime();
      startServer();
      LOG.info("Kafka broker restarted on {} in {} ms", bootstrapServers,
          Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
    }
  }

  /** Stops the broker, closes {@link #admin()} and deletes the broker's folder. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (admin != null) {
          admin.shutdown();
          admin = null;
        }
        stop();
      } finally {
        TempDirs.deleteRecursively(root);
        exitHook.withdraw();
      }
    }
  }

  @Override
  public String toString() {
    return "KafkaBroker[" + bootstrapServers + (isRunning() ? "" : ", stopped") + "]";
  }
}
