package io.mcpconfig.publisher;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mcpconfig.management.Health;
import io.mcpconfig.publisher.internal.PublisherHealth;
import io.mcpconfig.publisher.internal.PublisherLoop;
import io.mcpconfig.publisher.internal.PublisherMetrics;
import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Keys;
import io.mcpconfig.admin.db.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import io.mcpconfig.schemas.topics.TopicSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change publisher: every committed change to the five config tables, into the changes
 * topic, as {@code ChangeEvent}s framed per transaction (see ChangeEvent.avsc).
 *
 * <pre>{@code
 * try (CdcPublisher publisher = CdcPublisher.start(PublisherConfig.fromSettings(Settings.fromEnvironment()))) {
 *     publisher.awaitTermination(Duration.ofDays(365));
 * }
 * }</pre>
 *
 * <p>Several instances may run against one database and slot: one is active, the others wait as
 * hot standbys and take over within seconds when it dies. Thread-safe.
 */
public final class CdcPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CdcPublisher.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TOPICS_TIMEOUT = Duration.ofSeconds(30);

    private final PublisherLoop loop;
    private final MeterRegistry registry;
    private final PublisherMetrics metrics;
    private final PublisherHealth health;

    private CdcPublisher(PublisherLoop loop, MeterRegistry registry, PublisherMetrics metrics, PublisherHealth health) {
        this.loop = loop;
        this.registry = registry;
        this.metrics = metrics;
        this.health = health;
    }

    /** {@link #start(PublisherConfig, MeterRegistry)} with a private {@link SimpleMeterRegistry}. */
    public static CdcPublisher start(PublisherConfig config) {
        return start(config, new SimpleMeterRegistry());
    }

    /**
     * Checks that the database and Kafka answer, applies the migrations (unless disabled),
     * creates missing topics and verifies existing ones (a wrong setting is a {@link BadSettingException}
     * naming the topic and the fix), then starts publishing in the background (or waiting as standby)
     * and returns. Blocks for the checks only (up to ~10 s each).
     *
     * @throws BadSettingException if the database or Kafka can't be reached or used; its message is one line
     */
    public static CdcPublisher start(PublisherConfig config, MeterRegistry registry) {
        checkDatabase(config);
        createTopics(config);
        if (config.migrate()) {
            int applied = Migrations.apply(config.dbUrl(), config.dbUser(), config.dbPassword());
            LOG.info("migrations: {} applied", applied);
        }
        PublisherMetrics metrics = new PublisherMetrics(registry, Clock.systemUTC());
        PublisherHealth health = new PublisherHealth(config.slot(), Clock.systemUTC());
        PublisherLoop loop = new PublisherLoop(config, metrics, health);
        loop.start();
        LOG.info("started: {}", config);
        return new CdcPublisher(loop, registry, metrics, health);
    }

    /** True while this instance is the one publishing (holds the slot); false on standby. */
    public boolean isActive() {
        return metrics.isActive();
    }

    /**
     * For {@code /health/ready}: READY while active or on standby (able to take over), NOT_READY
     * while starting or retrying after a failure, DOWN once stopped. Cheap; never blocks.
     */
    public Health health() {
        return health.check();
    }

    /** Change events sent (and acknowledged or in flight) by this instance. */
    public long eventsSent() {
        return metrics.eventsSent();
    }

    /** The meters ({@code mcpconfig.publisher.*}): events, transactions, lag, slot lag, last commit LSN, active. */
    public MeterRegistry meterRegistry() {
        return registry;
    }

    /** Why the publisher stopped on its own (e.g. the slot is gone), if it did. */
    public Optional<RuntimeException> failure() {
        return loop.failure();
    }

    /** Blocks until the publisher stopped (closed, or failed); true if it did within the timeout. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return loop.awaitTermination(timeout);
    }

    /**
     * Stops publishing: the engine stores the position of the last complete transaction, the
     * slot is released for a standby. Blocks up to ~1 minute. Idempotent.
     */
    @Override
    public void close() {
        loop.close();
    }

    private static void checkDatabase(PublisherConfig config) {
        DriverManager.setLoginTimeout((int) CHECK_TIMEOUT.toSeconds());
        try (Connection c = DriverManager.getConnection(config.dbUrl(), config.dbUser(), config.dbPassword());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT current_setting('wal_level')")) {
            r.next();
            if (!"logical".equals(r.getString(1))) {
                throw new BadSettingException(Keys.DB_URL, "the server at " + config.dbUrl() + " has wal_level="
                        + r.getString(1) + "; set wal_level=logical in postgresql.conf and restart it");
            }
        } catch (SQLException e) {
            throw new BadSettingException(Keys.DB_URL, "can't use " + config.dbUrl() + " as " + config.dbUser() + " ("
                    + oneLine(e.getMessage()) + "); check the URL, " + Keys.DB_USER + ", " + Keys.DB_PASSWORD + " and that PostgreSQL runs", e);
        }
    }

    /** Creates whichever topic is missing and verifies all of them: the materializer does the same, so either may start first. */
    private static void createTopics(PublisherConfig config) {
        TopicSetup.ensure(config.kafka(), TOPICS_TIMEOUT);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

}
