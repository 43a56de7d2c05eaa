package io.mcpconfig.schemas.config;

/** Names of the runtime-contract settings (environment variables), shared by every service. */
public final class Keys {
    public static final String DB_URL = "MCPCONFIG_DB_URL";
    public static final String DB_USER = "MCPCONFIG_DB_USER";
    public static final String DB_PASSWORD = "MCPCONFIG_DB_PASSWORD";
    public static final String KAFKA_BOOTSTRAP = "MCPCONFIG_KAFKA_BOOTSTRAP";
    public static final String TOPIC_PREFIX = "MCPCONFIG_TOPIC_PREFIX";
    public static final String PARTITIONS = "MCPCONFIG_PARTITIONS";
    public static final String REPLICATION_FACTOR = "MCPCONFIG_REPLICATION_FACTOR";
    /** A Kafka client properties file (native names, e.g. {@code security.protocol}), given to every client. */
    public static final String KAFKA_PROPERTIES_FILE = "MCPCONFIG_KAFKA_PROPERTIES_FILE";
    /** {@code MCPCONFIG_KAFKA_SASL_JAAS_CONFIG} = {@code sasl.jaas.config}: one Kafka client property for every client. */
    public static final String KAFKA_PROPERTY_PREFIX = "MCPCONFIG_KAFKA_";
    public static final String SLOT = "MCPCONFIG_SLOT";
    public static final String STATE_DIR = "MCPCONFIG_STATE_DIR";
    public static final String HTTP_PORT = "MCPCONFIG_HTTP_PORT";
    public static final String JWT_SECRET = "MCPCONFIG_JWT_SECRET";
    public static final String JWKS_URL = "MCPCONFIG_JWKS_URL";
    public static final String ORG_CLAIM = "MCPCONFIG_ORG_CLAIM";

    private Keys() {}
}
