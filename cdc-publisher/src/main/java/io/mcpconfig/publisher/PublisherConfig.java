package io.mcpconfig.publisher;

import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.config.Keys;
import io.mcpconfig.schemas.config.Settings;
import io.mcpconfig.schemas.topics.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Everything the publisher needs, validated. Build it from the environment with
 * {@link #fromSettings(Settings)}, or directly for in-process use. Immutable.
 *
 * @param dbUrl JDBC URL of the config database, {@code jdbc:postgresql://host[:port]/database}; its
 *     parameters (sslmode, sslrootcert, ...) reach Debezium's connections too
 * @param kafka the deployment's Kafka settings (address, topics, client properties)
 * @param slot replication slot and publication name
 * @param migrate apply the schema migrations at start
 * @param resnapshot when the slot is gone or lost its WAL, start over with a new snapshot instead of stopping
 * @param maxTransactionBytes the most one transaction may buffer until its commit (see docs/decisions)
 * @param statusInterval how often a one-line status is logged
 * @param debeziumOverrides Debezium properties set last (tests: e.g. {@code slot.drop.on.stop})
 */
public record PublisherConfig(
        String dbUrl, String dbUser, String dbPassword, KafkaSettings kafka, String slot,
        boolean migrate, boolean resnapshot, long maxTransactionBytes, Duration statusInterval,
        Map<String, String> debeziumOverrides) {

    /** Also whether to apply migrations at start (default true). */
    public static final String MIGRATE = "MCPCONFIG_MIGRATE";
    /** Start over with a new snapshot when the slot is gone or lost its WAL (default false: stop). */
    public static final String RESNAPSHOT = "MCPCONFIG_RESNAPSHOT";
    public static final String MAX_TRANSACTION_MB = "MCPCONFIG_MAX_TRANSACTION_MB";
    public static final String STATUS_INTERVAL_S = "MCPCONFIG_STATUS_INTERVAL_S";
    public static final String DEFAULT_SLOT = "mcpconfig";

    /** PostgreSQL's rule for an unquoted identifier, and Debezium's for a slot name. */
    private static final Pattern SLOT = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PublisherConfig {
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(dbUser, "dbUser");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(statusInterval, "statusInterval");
        dbPassword = dbPassword == null ? "" : dbPassword;
        debeziumOverrides = Map.copyOf(debeziumOverrides == null ? Map.of() : debeziumOverrides);
        if (!SLOT.matcher(slot).matches()) {
            throw new BadSettingException(Keys.SLOT, "'" + slot + "' is not a valid slot name; use 1-63 of [a-z0-9_], not starting with a digit");
        }
        if (database(dbUrl) == null) {
            throw new BadSettingException(Keys.DB_URL, "'" + dbUrl + "' is not a PostgreSQL JDBC URL; use jdbc:postgresql://host:5432/database");
        }
        if (maxTransactionBytes < 1024 * 1024) {
            throw new IllegalArgumentException("maxTransactionBytes must be at least 1 MiB, was " + maxTransactionBytes);
        }
    }

    /** The config with defaults for everything but the connection settings and topic prefix. */
    public static PublisherConfig of(String dbUrl, String dbUser, String dbPassword, String kafkaBootstrap, Topics topics, String slot) {
        return of(dbUrl, dbUser, dbPassword, KafkaSettings.of(kafkaBootstrap, topics), slot);
    }

    /** As {@link #of(String, String, String, String, Topics, String)}, with all Kafka settings (e.g. SASL). */
    public static PublisherConfig of(String dbUrl, String dbUser, String dbPassword, KafkaSettings kafka, String slot) {
        return new PublisherConfig(dbUrl, dbUser, dbPassword, kafka, slot, true, false,
                256L * 1024 * 1024, Duration.ofSeconds(30), Map.of());
    }

    /** Reads and validates the runtime-contract settings; a bad one throws {@link BadSettingException}. */
    public static PublisherConfig fromSettings(Settings settings) {
        String url = settings.required(Keys.DB_URL, "set it to the JDBC URL of the config database, e.g. jdbc:postgresql://localhost:5432/mcpconfig");
        String user = settings.required(Keys.DB_USER, "set it to a database user with the REPLICATION attribute");
        String password = settings.string(Keys.DB_PASSWORD, "");
        KafkaSettings kafka = KafkaSettings.fromSettings(settings);
        return new PublisherConfig(url, user, password, kafka, settings.string(Keys.SLOT, DEFAULT_SLOT),
                settings.bool(MIGRATE, true), settings.bool(RESNAPSHOT, false),
                settings.integer(MAX_TRANSACTION_MB, 256, 1, 64 * 1024) * 1024L * 1024,
                Duration.ofSeconds(settings.integer(STATUS_INTERVAL_S, 30, 1, 86_400)), Map.of());
    }

    /** A copy with these Debezium properties set last (for tests and special deployments). */
    public PublisherConfig withDebeziumOverrides(Map<String, String> overrides) {
        return new PublisherConfig(dbUrl, dbUser, dbPassword, kafka, slot, migrate, resnapshot,
                maxTransactionBytes, statusInterval, overrides);
    }

    /** A copy that starts over with a new snapshot if the slot is gone or lost its WAL. */
    public PublisherConfig withResnapshot(boolean resnapshot) {
        return new PublisherConfig(dbUrl, dbUser, dbPassword, kafka, slot, migrate, resnapshot,
                maxTransactionBytes, statusInterval, debeziumOverrides);
    }

    /** Kafka's bootstrap servers ({@link KafkaSettings#bootstrap()}). */
    public String kafkaBootstrap() {
        return kafka.bootstrap();
    }

    /** The deployment's topics ({@link KafkaSettings#topics()}). */
    public Topics topics() {
        return kafka.topics();
    }

    /** Host, port and database name of {@link #dbUrl()}, as the PostgreSQL driver reads it. */
    public Properties dbLocation() {
        return Objects.requireNonNull(database(dbUrl));
    }

    private static Properties database(String url) {
        Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());
        return parsed == null || parsed.getProperty("PGDBNAME", "").isEmpty() ? null : parsed;
    }

    @Override
    public String toString() { // never the password
        return "PublisherConfig[db=" + dbUrl + " as " + dbUser + ", " + kafka
                + ", slot=" + slot + ", migrate=" + migrate + ", resnapshot=" + resnapshot + "]";
    }
}
