package io.mcpconfig.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/** {@link KafkaBroker}'s server settings and the formatting of its log folder: what a start needs before the server runs. */
final class BrokerSettings {
  private static final int MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

  private BrokerSettings() {}

  /** A single node's settings, the client listener in plain text (see {@link Sasl#apply} for SASL). */
  static Properties of(Path logDir, int nodeId, int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(nodeId));
    p.put("controller.quorum.voters", nodeId + "@" + KafkaBroker.HOST + ":" + controllerPort);
    p.put("listeners", "PLAINTEXT://" + KafkaBroker.HOST + ":" + port + ",CONTROLLER://" + KafkaBroker.HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + KafkaBroker.HOST + ":" + port);
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
  static void format(Path root, Properties serverProperties) {
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

  /** The one user of a SASL broker; the broker itself talks to itself as that user too. */
  record Sasl(String user, String password) {
    Sasl {
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
}
