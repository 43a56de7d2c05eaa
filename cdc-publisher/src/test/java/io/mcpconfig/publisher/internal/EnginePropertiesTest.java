package io.mcpconfig.publisher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.publisher.PublisherConfig;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.topics.Topics;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The JDBC URL's parameters and the Kafka pass-through reach Debezium's connections. */
class EnginePropertiesTest {
    @Test
    void tlsParametersBecomeDebeziumSettingsAndOthersGoToTheDriver() {
        Properties p = EngineProperties.of(config("jdbc:postgresql://db.example:6543/cfg"
                + "?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem&sslcert=/etc/ssl/c.pem&sslkey=/etc/ssl/c.key"
                + "&ApplicationName=mcpconfig&connectTimeout=5&tcpKeepAlive=true"));
        assertThat(p).containsEntry("database.hostname", "db.example").containsEntry("database.port", "6543")
                .containsEntry("database.dbname", "cfg")
                .containsEntry("database.sslmode", "verify-full")
                .containsEntry("database.sslrootcert", "/etc/ssl/ca.pem")
                .containsEntry("database.sslcert", "/etc/ssl/c.pem")
                .containsEntry("database.sslkey", "/etc/ssl/c.key")
                .containsEntry("database.tcpKeepAlive", "true")
                .containsEntry("driver.ApplicationName", "mcpconfig")
                .containsEntry("driver.connectTimeout", "5");
    }

    @Test
    void aPlainUrlAddsNothingAndCredentialsComeFromTheirSettings() {
        Properties p = EngineProperties.of(config("jdbc:postgresql://localhost/cfg?user=ignored&password=ignored"));
        assertThat(p.stringPropertyNames()).noneMatch(k -> k.startsWith("driver.") || k.startsWith("database.ssl"));
        assertThat(p).containsEntry("database.user", "u").containsEntry("database.password", "pw")
                .containsEntry("database.port", "5432");
    }

    @Test
    void theOffsetStoreGetsTheKafkaClientProperties() {
        KafkaSettings kafka = KafkaSettings.of("k:9093", Topics.withPrefix("t"))
                .withClientProperties(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"));
        Properties p = EngineProperties.of(PublisherConfig.of("jdbc:postgresql://h/db", "u", "pw", kafka, "slot"));
        assertThat(p).containsEntry("bootstrap.servers", "k:9093").containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN").containsEntry("offset.storage.topic", "t.publisher.offsets");
    }

    private static PublisherConfig config(String url) {
        return PublisherConfig.of(url, "u", "pw", "k:9092", Topics.withPrefix("t"), "slot");
    }
}
