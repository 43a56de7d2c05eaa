package io.mcpconfig.cli;

import io.mcpconfig.admin.Actor;
import io.mcpconfig.admin.ConfigAdmin;
import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Keys;
import io.mcpconfig.schemas.config.Settings;
import io.mcpconfig.schemas.topics.Topics;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Connection options every command shares, as a picocli mixin ({@code @Mixin CommonOptions common;}).
 * Each falls back to the MCPCONFIG_* setting the services use, so a shell that runs the services
 * runs the command with no flags.
 */
public final class CommonOptions {
    static final String ACTOR_KEY = "MCPCONFIG_ACTOR";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "PostgreSQL JDBC URL (default: $" + Keys.DB_URL + ").")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: $" + Keys.DB_USER + ").")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password (default: $" + Keys.DB_PASSWORD + ").")
    String dbPassword;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers (default: $" + Keys.KAFKA_BOOTSTRAP + ").")
    String kafkaBootstrap;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "Topic prefix (default: $" + Keys.TOPIC_PREFIX + ", else mcpconfig).")
    String topicPrefix;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who you are, recorded with every write (default: $" + ACTOR_KEY + ", else your login name).")
    String actor;

    /** The MCPCONFIG_* settings of this run. */
    public Settings settings() {
        return ((McpConfigCli) mixee.root().userObject()).settings();
    }

    /** The control plane over the database the flags or settings name. */
    public ConfigAdmin admin() {
        String url = dbUrl != null ? dbUrl : settings().required(Keys.DB_URL,
                "set it (or --db-url) to the JDBC URL of the config database, e.g. jdbc:postgresql://localhost:5432/mcpconfig");
        return ConfigAdmin.connect(url,
                dbUser != null ? dbUser : settings().optional(Keys.DB_USER).orElse(null),
                dbPassword != null ? dbPassword : settings().optional(Keys.DB_PASSWORD).orElse(null));
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap != null ? kafkaBootstrap
                : settings().required(Keys.KAFKA_BOOTSTRAP, "set it (or --kafka-bootstrap) to host:port of a Kafka broker");
    }

    /** The topics under the prefix the flag or settings name (default {@value Topics#DEFAULT_PREFIX}). */
    public Topics topics() {
        String prefix = topicPrefix != null ? topicPrefix : settings().string(Keys.TOPIC_PREFIX, Topics.DEFAULT_PREFIX);
        int partitions = settings().integer(Keys.PARTITIONS, Topics.DEFAULT_PARTITIONS, 1, 10_000);
        try {
            return Topics.withPrefix(prefix, partitions);
        } catch (IllegalArgumentException e) {
            throw new BadSettingException(topicPrefix != null ? "--topic-prefix" : Keys.TOPIC_PREFIX, e.getMessage());
        }
    }

    public Actor actor() {
        String name = actor != null ? actor : settings().optional(ACTOR_KEY).orElse(System.getProperty("user.name", "unknown"));
        return new Actor(name);
    }
}
