package io.mcpconfig.cli;

import io.mcpconfig.admin.stream.ChangeLog;
import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.config.Keys;
import io.mcpconfig.schemas.config.Settings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The connections of the audit and ops commands, from {@link CommonOptions}: Kafka as
 * {@link KafkaSettings} (flags over MCPCONFIG_*, pass-through client properties included) and a
 * plain JDBC connection for the checks that read the database.
 */
final class StreamConnections {
    private StreamConnections() {}

    static KafkaSettings kafka(CommonOptions common) {
        Settings settings = common.settings();
        Map<String, String> values = new HashMap<>(settings.startingWith("MCPCONFIG_"));
        values.put(Keys.KAFKA_BOOTSTRAP, common.kafkaBootstrap());
        values.put(Keys.TOPIC_PREFIX, common.topics().prefix());
        values.remove(Settings.CONFIG_FILE); // already read into the values
        return KafkaSettings.fromSettings(Settings.fromMap(values));
    }

    static ChangeLog changeLog(CommonOptions common) {
        return ChangeLog.connect(kafka(common));
    }

    /** A connection to the config database, or a bad setting naming the key when none is configured. */
    static Connection database(CommonOptions common) {
        String url = common.dbUrl != null ? common.dbUrl : common.settings().required(Keys.DB_URL,
                "set it (or --db-url) to the JDBC URL of the config database, e.g. jdbc:postgresql://localhost:5432/mcpconfig");
        return open(url, common);
    }

    /** A connection if the database is configured, else null (for commands where it is optional). */
    static Connection databaseIfConfigured(CommonOptions common) {
        String url = common.dbUrl != null ? common.dbUrl : common.settings().optional(Keys.DB_URL).orElse(null);
        return url == null ? null : open(url, common);
    }

    private static Connection open(String url, CommonOptions common) {
        Properties p = new Properties();
        String user = common.dbUser != null ? common.dbUser : common.settings().optional(Keys.DB_USER).orElse(null);
        String password = common.dbPassword != null ? common.dbPassword : common.settings().optional(Keys.DB_PASSWORD).orElse(null);
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "mcpconfig-cli");
        p.setProperty("connectTimeout", "10");
        try {
            return DriverManager.getConnection(url, p);
        } catch (SQLException e) {
            throw new BadSettingException(common.dbUrl != null ? "--db-url" : Keys.DB_URL,
                    "can't connect to " + url + ": " + e.getMessage());
        }
    }
}
