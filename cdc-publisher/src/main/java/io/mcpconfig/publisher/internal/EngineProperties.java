package io.mcpconfig.publisher.internal;

import io.mcpconfig.publisher.PublisherConfig;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** The Debezium engine and connector settings, each chosen deliberately (why in the comments). */
public final class EngineProperties {
    /** Part of the stored offsets' key: changing it would make the publisher forget its position. */
    public static final String ENGINE_NAME = "mcpconfig-publisher";
    public static final String SCHEMA = "public";
    public static final String[] TABLES = {
        "organization", "default_prompt", "default_resource", "organization_prompt", "organization_resource"};

    /** What the URL parser reports that is not a connection parameter, or that has its own setting. */
    private static final Set<String> NOT_PARAMETERS = Set.of("PGHOST", "PGPORT", "PGDBNAME", "user", "password");
    /** URL parameters Debezium's PostgreSQL connector has a setting of its own for ({@code database.<name>}). */
    private static final Set<String> DEBEZIUM_PARAMETERS = Set.of(
            "sslmode", "sslcert", "sslkey", "sslpassword", "sslrootcert", "sslfactory", "tcpKeepAlive");

    private EngineProperties() {}

    public static Properties of(PublisherConfig config) {
        Properties location = config.dbLocation();
        Properties p = new Properties();
        p.setProperty("name", ENGINE_NAME);
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        // Offsets live in Kafka, next to the data: the service keeps no local state.
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        p.setProperty("offset.storage.topic", config.topics().publisherOffsets().name());
        p.setProperty("offset.storage.partitions", "1");
        p.setProperty("offset.storage.replication.factor", "-1"); // the broker's default
        // The offset store's producer, consumer and admin get the engine's properties as they are:
        // the same address and pass-through client properties (security) as every other client.
        // Its topic exists already (TopicSetup), compacted, so it creates nothing.
        config.kafka().clientProperties().forEach(p::setProperty);
        p.setProperty("bootstrap.servers", config.kafkaBootstrap());
        // Positions are stored (and the slot confirmed) this often; a crash replays at most this
        // much, and WAL is released this soon.
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("offset.flush.timeout.ms", "10000");

        p.setProperty("database.hostname", location.getProperty("PGHOST", "localhost"));
        p.setProperty("database.port", location.getProperty("PGPORT", "5432"));
        p.setProperty("database.dbname", location.getProperty("PGDBNAME"));
        p.setProperty("database.user", config.dbUser());
        p.setProperty("database.password", config.dbPassword());
        urlParameters(location).forEach(p::setProperty);
        p.setProperty("topic.prefix", config.topics().prefix());

        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", config.slot());
        p.setProperty("publication.name", config.slot());
        p.setProperty("publication.autocreate.mode", "filtered"); // exactly our tables, nothing else
        p.setProperty("table.include.list", tableIncludeList());
        // The deleter announcements (trigger mcpconfig_announce_delete); every other message is dropped.
        p.setProperty("message.prefix.include.list", "mcpconfig\\.actor");
        p.setProperty("provide.transaction.metadata", "true");
        p.setProperty("snapshot.mode", "initial");
        p.setProperty("binary.handling.mode", "bytes");
        p.setProperty("tombstones.on.delete", "false");
        // A second instance waits for the slot; retry often so a takeover takes seconds.
        p.setProperty("slot.max.retries", "20");
        p.setProperty("slot.retry.delay.ms", "1000");

        // Latency: Debezium's default poll interval is 500 ms; 10 ms costs little CPU when idle.
        p.setProperty("poll.interval.ms", "10");
        p.setProperty("max.batch.size", "1024");
        p.setProperty("max.queue.size", "4096");
        p.setProperty("max.queue.size.in.bytes", String.valueOf(128L * 1024 * 1024)); // rows can be ~2 MiB
        // An idle config database must not pin WAL while other databases write: the heartbeat
        // writes a (filtered-out) message into our database so the slot's position moves on.
        p.setProperty("heartbeat.interval.ms", "10000");
        p.setProperty("heartbeat.action.query", "SELECT pg_logical_emit_message(false, 'mcpconfig.heartbeat', '')");
        p.setProperty("errors.max.retries", "0");
        config.debeziumOverrides().forEach(p::setProperty);
        return p;
    }

    /**
     * The JDBC URL's parameters, for Debezium's own connections: TLS ones as Debezium's
     * {@code database.ssl*} settings, every other one passed to the driver as {@code driver.<name>}.
     */
    static Map<String, String> urlParameters(Properties location) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String name : location.stringPropertyNames()) {
            if (!NOT_PARAMETERS.contains(name)) {
                out.put((DEBEZIUM_PARAMETERS.contains(name) ? "database." : "driver.") + name, location.getProperty(name));
            }
        }
        return out;
    }

    static String tableIncludeList() {
        StringBuilder list = new StringBuilder();
        for (String table : TABLES) {
            list.append(list.isEmpty() ? "" : ",").append(SCHEMA).append("\\.").append(table);
        }
        return list.toString();
    }
}
