package io.mcpconfig.admin.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the data model's migrations (Flyway, {@code classpath:db/migration}) to a database. */
public final class Migrations {
    private Migrations() {}

    /** Migrates the database at {@code jdbcUrl} to the newest version; idempotent. Returns the versions applied now. */
    public static int apply(String jdbcUrl, String user, String password) {
        return apply(Flyway.configure().dataSource(jdbcUrl, user, password));
    }

    public static int apply(DataSource dataSource) {
        return apply(Flyway.configure().dataSource(dataSource));
    }

    private static int apply(org.flywaydb.core.api.configuration.FluentConfiguration config) {
        MigrateResult result = config
                .locations("classpath:db/migration")
                .table("mcpconfig_schema_history")
                .baselineOnMigrate(false)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
