package io.mcpconfig.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServerIT {

  private final PostgresServer postgres = TestServers.postgres();

  @Test
  void isSetUpForLogicalReplicationWithSynchronousCommits() throws SQLException {
    try (Connection connection = postgres.connect("postgres")) {
      assertThat(show(connection, "wal_level")).isEqualTo("logical");
      assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
      assertThat(show(connection, "max_replication_slots")).isEqualTo("64");
      assertThat(show(connection, "max_wal_senders")).isEqualTo("64");
      assertThat(show(connection, "max_connections")).isEqualTo("300");
      assertThat(show(connection, "server_version")).startsWith("17.");
    }
  }

  @Test
  void createDatabaseGivesAnIsolatedDatabase() throws SQLException {
    String first = TestNames.unique("pg_isolated_a");
    String second = TestNames.unique("pg_isolated_b");

    assertThat(postgres.createDatabase(first)).isEqualTo(postgres.jdbcUrl(first));
    postgres.createDatabase(second);
    try (Connection connection = postgres.connect(first); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE item (id int PRIMARY KEY)");
      statement.execute("INSERT INTO item VALUES (1)");
    }

    try (Connection connection = postgres.connect(second)) {
      assertThat(query(connection, "SELECT to_regclass('item') IS NULL")).isEqualTo("t");
      assertThat(query(connection, "SELECT current_database()")).isEqualTo(second);
    }
  }

  @Test
  void createDatabaseRejectsBadOrTakenNames() {
    String name = TestNames.unique("pg_taken");
    postgres.createDatabase(name);

    assertThatThrownBy(() -> postgres.createDatabase(name))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(name);
    assertThatThrownBy(() -> postgres.createDatabase("x; DROP DATABASE postgres"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database name must match");
  }

  @Test
  void pgoutputSlotIsCreatedAndDecodesChanges() throws SQLException {
    String database = TestNames.unique("pg_slot");
    String slot = TestNames.unique("slot");
    postgres.createDatabase(database);

    try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE item (id int PRIMARY KEY)");
      statement.execute("CREATE PUBLICATION " + slot + " FOR TABLE item");
      statement.execute("SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
      statement.execute("INSERT INTO item VALUES (1)");

      try (ResultSet slots = statement.executeQuery(
          "SELECT plugin, slot_type, database FROM pg_replication_slots WHERE slot_name = '" + slot + "'")) {
        assertThat(slots.next()).isTrue();
        assertThat(slots.getString("plugin")).isEqualTo("pgoutput");
        assertThat(slots.getString("slot_type")).isEqualTo("logical");
        assertThat(slots.getString("database")).isEqualTo(database);
      }
      // pgoutput messages: B(egin), R(elation), I(nsert), C(ommit).
      assertThat(query(connection, "SELECT string_agg(chr(get_byte(data, 0)), '' ORDER BY lsn)"
          + " FROM pg_logical_slot_peek_binary_changes('" + slot + "', NULL, NULL,"
          + " 'proto_version', '1', 'publication_names', '" + slot + "')"))
          .isEqualTo("BRIC");

      statement.execute("SELECT pg_drop_replication_slot('" + slot + "')");
    }
  }

  @Test
  void ownServerDeletesItsDataFolderOnClose() throws SQLException {
    Path dataDirectory;
    try (PostgresServer own = PostgresServer.start()) {
      assertThat(own.port()).isNotEqualTo(postgres.port());
      try (Connection connection = own.connect("postgres")) {
        dataDirectory = Path.of(show(connection, "data_directory"));
      }
      assertThat(dataDirectory).isDirectory();
    }

    assertThat(Files.exists(dataDirectory)).isFalse();
  }

  private static String show(Connection connection, String setting) throws SQLException {
    return query(connection, "SHOW " + setting);
  }

  private static String query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).as(sql).isTrue();
      return rows.getString(1);
    }
  }
}
