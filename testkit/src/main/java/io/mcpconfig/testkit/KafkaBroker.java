package io.mcpconfig.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
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
  private static final String HOST = "127.0.0.1";
  private static final int MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
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

  private KafkaBroker(Path root, int nodeId, int port, int controllerPort, Sasl sasl) {
    this.root = root;
    this.nodeId = nodeId;
    this.bootstrapServers = HOST + ":" + port;
    this.serverProperties = serverProperties(root.resolve("data"), nodeId, port, controllerPort);
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
    return start(new Sasl(user, password));
  }

  /** The client settings for {@code PLAIN} over {@code SASL_PLAINTEXT} as {@code user}, e.g. with a wrong password. */
  public static Map<String, String> saslClientProperties(String user, String password) {
    return Map.of(
        "security.protocol", "SASL_PLAINTEXT",
        "sasl.mechanism", "PLAIN",
        "sasl.jaas.config", Sasl.jaas(user, password, ""));
  }

  /** What a client needs besides {@code bootstrap.servers}: empty, or the SASL settings of {@link #startWithSasl}. */
  public Map<String, String> clientProperties() {
    return clientProperties;
  }

  private static KafkaBroker start(Sasl sasl) {
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
      broker.format();
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

  private static Properties serverProperties(Path logDir, int nodeId, int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(nodeId));
    p.put("controller.quorum.voters", nodeId + "@" + HOST + ":" + controllerPort);
    p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());

    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    // One partition per internal topic is plenty on one node, and the first consumer group is
    // ready sooner than with 50 (measured ~0.3 s here).
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");

    p.put("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
    p.put("replica.fetch.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
    // Compacted topics get cleaned within about a second instead of 15 s, and the cleaner's
    // buffer (128 MiB by default, allocated up front) stays small in a test JVM.
    p.put("log.cleaner.backoff.ms", "1000");
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
    // Fewer threads than a production broker: the machines running tests have 2 cores.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.put("background.threads", "4");
    return p;
  }

  /**
   * Formats the log folder as StorageTool's {@code format} command would. {@code execute} rather
   * than {@code main}: {@code main} exits the JVM.
   */
  private void format() {
    Path config = root.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      serverProperties.store(out, "testkit KafkaBroker");
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + config, e);
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exitCode = StorageTool.execute(new String[] {
          "format", "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString()}, out);
    } catch (Exception e) {
      throw new IllegalStateException("could not format Kafka storage in " + root + ": " + e.getMessage()
          + "\n" + output.toString(StandardCharsets.UTF_8), e);
    }
    if (exitCode != 0) {
      throw new IllegalStateException("formatting Kafka storage in " + root + " exited with " + exitCode
          + ":\n" + output.toString(StandardCharsets.UTF_8));
    }
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

  /** The one user of a SASL broker; the broker itself talks to itself as that user too. */
  private record Sasl(String user, String password) {
    private Sasl {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    static String jaas(String user, String password, String users) {
      return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
          + "\" password=\"" + password + "\"" + users + ";";
    }

    void apply(Properties p, String address) {
      p.put("listeners", "SASL_PLAINTEXT://" + address + ",CONTROLLER://" + p.getProperty("controller.quorum.voters").split("@")[1]);
      p.put("advertised.listeners", "SASL_PLAINTEXT://" + address);
      p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
      p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
      p.put("sasl.enabled.mechanisms", "PLAIN");
      p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
      p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
          jaas(user, password, " user_" + user + "=\"" + password + "\""));
    }
  }

  @Override
  public String toString() {
    return "KafkaBroker[" + bootstrapServers + (isRunning() ? "" : ", stopped") + "]";
  }
}
