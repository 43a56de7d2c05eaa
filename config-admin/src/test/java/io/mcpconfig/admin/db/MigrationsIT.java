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
        assertThat(Migrations.apply(url, pg.user(), pg.password())).isEqualTo(3);
        assertThat(Migrations.apply(url, pg.user(), pg.password())).isZero();
    }
}
