package io.mcpconfig.testkit;

/**
 * One {@link PostgresServer} and one {@link KafkaBroker} per JVM, shared by every test in it and
 * started on first use, so a test suite pays the start-up cost once. Both are closed when the JVM
 * exits (each server registers its own shutdown hook); tests must not close or stop them: a test
 * that needs to stop a broker starts its own with {@link KafkaBroker#start()}.
 *
 * <p>Tests sharing the servers keep apart by name: their own database from
 * {@link PostgresServer#createDatabase(String)} and their own topic names, both from
 * {@link TestNames#unique(String)}.
 *
 * <p>Thread-safe: concurrent first calls start one server, and block until it is up.
 */
public final class TestServers {

  // One lock each: starting the broker need not wait for PostgreSQL, nor the reverse.
  private static final Object POSTGRES_LOCK = new Object();
  private static final Object KAFKA_LOCK = new Object();
  private static PostgresServer postgres;
  private static KafkaBroker kafka;

  private TestServers() {}

  /**
   * The JVM's shared PostgreSQL server, started on the first call.
   *
   * @throws IllegalStateException if it could not be started; the next call tries again
   */
  public static PostgresServer postgres() {
    synchronized (POSTGRES_LOCK) {
      if (postgres == null) {
        postgres = PostgresServer.start();
      }
      return postgres;
    }
  }

  /**
   * The JVM's shared Kafka broker, started on the first call.
   *
   * @throws IllegalStateException if it could not be started; the next call tries again
   */
  public static KafkaBroker kafka() {
    synchronized (KAFKA_LOCK) {
      if (kafka == null) {
        kafka = KafkaBroker.start();
      }
      return kafka;
    }
  }
}
