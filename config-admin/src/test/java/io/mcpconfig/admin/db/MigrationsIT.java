package io.mcpconfig.admin.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.testkit.PostgresServer;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import org.junit.jupiter.api.Test;

class MigrationsIT {
    @Test
    void applyToAFreshDatabaseThenAgainIsANoOp() {
        PostgresServer pg = TestServers.postgres();
        String url = pg.createDatabase(TestNames.unique("migrations"));
        // Every migration file applies once (counted from the tree, so a new migration needs no edit here).
        long files;
        try (java.util.stream.Stream<java.nio.file.Path> dir = java.nio.file.Files.list(
                java.nio.file.Path.of("../schemas/src/main/resources/db/migration"))) {
            files = dir.filter(f -> f.getFileName().toString().matches("V.*__.*\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(Migrations.apply(url, pg.user(), pg.password())).isEqualTo((int) files).isGreaterThanOrEqualTo(3);
        assertThat(Migrations.apply(url, pg.user(), pg.password())).isZero();
    }
}
