package io.mcpconfig.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.admin.db.DemoData;
import io.mcpconfig.admin.db.Migrations;
import io.mcpconfig.publisher.PublisherConfig;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.testkit.PostgresServer;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/** A fresh demo database on the shared PostgreSQL, and publisher settings for it. */
final class PipelineDb {
    final PostgresServer pg = TestServers.postgres();
    final String name;
    final String url;

    PipelineDb(String prefix) throws Exception {
        name = TestNames.unique(prefix);
        url = pg.createDatabase(name);
        Migrations.apply(url, pg.user(), pg.password());
        try (Connection c = pg.connect(name)) {
            DemoData.load(c);
        }
    }

    PublisherConfig publisher(KafkaSettings kafka) {
        return PublisherConfig.of(url, pg.user(), pg.password(), kafka, TestNames.unique("slot"))
                .withDebeziumOverrides(Map.of("slot.drop.on.stop", "true"));
    }

    void sql(String statement) throws Exception {
        try (Connection c = pg.connect(name); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(statement)).isEqualTo(1);
        }
    }
}
