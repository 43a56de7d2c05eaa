package io.mcpconfig.cli;

import static org.awaitility.Awaitility.await;

import io.mcpconfig.admin.db.DemoData;
import io.mcpconfig.admin.db.Migrations;
import io.mcpconfig.admin.stream.ChangeLog;
import io.mcpconfig.admin.stream.ViewsCheck;
import io.mcpconfig.materializer.ConfigMaterializer;
import io.mcpconfig.materializer.MaterializerConfig;
import io.mcpconfig.publisher.CdcPublisher;
import io.mcpconfig.publisher.PublisherConfig;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.config.Keys;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.PostgresServer;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * The real pipeline for the audit and ops commands: a fresh database with the demo data, the
 * publisher and the materializer on topics of their own, and the environment a user's shell would
 * have for {@code mcpconfig}.
 */
final class Pipeline implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(120);

    final PostgresServer pg = TestServers.postgres();
    final KafkaBroker kafka = TestServers.kafka();
    final String url;
    final Topics topics;
    final String slot;
    private final CdcPublisher publisher;
    private final ConfigMaterializer materializer;

    Pipeline(String name, Path stateDir) throws SQLException {
        url = pg.createDatabase(TestNames.unique(name));
        Migrations.apply(url, pg.user(), pg.password());
        try (Connection c = connect()) {
            DemoData.load(c);
        }
        topics = Topics.withPrefix(TestNames.unique(name), 3);
        slot = TestNames.unique(name + "_slot");
        publisher = CdcPublisher.start(PublisherConfig.of(url, pg.user(), pg.password(), kafka.bootstrapServers(), topics, slot)
                .withDebeziumOverrides(Map.of("slot.drop.on.stop", "true")));
        materializer = ConfigMaterializer.start(MaterializerConfig.of(kafka.bootstrapServers(), topics, stateDir));
    }

    /** The environment of a shell set up for this deployment. */
    Map<String, String> env() {
        return Map.of(Keys.DB_URL, url, Keys.DB_USER, pg.user(), Keys.DB_PASSWORD, pg.password(),
                Keys.KAFKA_BOOTSTRAP, kafka.bootstrapServers(), Keys.TOPIC_PREFIX, topics.prefix(), Keys.SLOT, slot,
                Keys.PARTITIONS, "3");
    }

    Cli cli() {
        return new Cli(env());
    }

    KafkaSettings kafkaSettings() {
        return KafkaSettings.of(kafka.bootstrapServers(), topics);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, pg.user(), pg.password());
    }

    /** Runs statements in one transaction as {@code actor} (as the control plane writes), or plain SQL when null. */
    void write(String actor, String... sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            if (actor != null) {
                st.execute("SET LOCAL mcpconfig.actor = '" + actor.replace("'", "''") + "'");
            }
            for (String s : sql) {
                st.execute(s);
            }
            c.commit();
        }
    }

    /** Waits until every live view equals the merge rule over the database (the pipeline caught up). */
    void awaitCaughtUp() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (ChangeLog log = ChangeLog.connect(kafkaSettings()); Connection c = connect()) {
                return ViewsCheck.check(log, c, Duration.ZERO).isEmpty();
            } catch (IllegalStateException notYet) { // topics not created yet
                return false;
            }
        });
    }

    @Override
    public void close() {
        materializer.close();
        publisher.close();
    }
}
