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
        // V1 model, V2 rollback, V3 prompt messages, V3.1 argument values, V4 control-plane index,
        // V5 validity checks in PL/pgSQL.
        assertThat(Migrations.apply(url, pg.user(), pg.password())).isEqualTo(6);
        assertThat(Migrations.apply(url, pg.user(), pg.password())).isZero();
    }
}
