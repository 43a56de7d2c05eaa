package io.mcpconfig.schemas.config;

import io.mcpconfig.schemas.topics.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The one home of a deployment's Kafka settings, shared by every service and the cache: where the
 * brokers are, the topics (prefix, partitions), the replication factor of the topics we create, and
 * the client properties passed through to every Kafka client (security, timeouts, ...). Hands out
 * the base properties of each kind of client; each client then sets what its correctness depends
 * on (serializers, acks, isolation, group ids), which wins over a passed-through value. Immutable.
 *
 * <p>Pass-through, from {@link Settings}: first the properties file {@code MCPCONFIG_KAFKA_PROPERTIES_FILE}
 * (Kafka's own names, as for Kafka's command-line tools' {@code --command-config}), then every
 * {@code MCPCONFIG_KAFKA_<NAME>} variable, the name in upper snake case: {@code MCPCONFIG_KAFKA_SECURITY_PROTOCOL=SASL_SSL}
 * is {@code security.protocol=SASL_SSL}. An unknown name is a bad setting (a typo would otherwise
 * be a silently unsecured client).
 *
 * @param bootstrap          Kafka's {@code bootstrap.servers}
 * @param replicationFactor  of the topics our services create; empty = the broker's default
 * @param clientProperties   passed to every client (never {@code bootstrap.servers} or auto-creation)
 * @param propertiesFile     where (some of) the client properties came from; named in fix commands
 */
public record KafkaSettings(String bootstrap, Topics topics, Optional<Short> replicationFactor,
                            Map<String, String> clientProperties, Optional<Path> propertiesFile) {

    /** Client properties we never take from outside: the address has its own key, and auto-creation stays off. */
    private static final Map<String, String> REFUSED = Map.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "set " + Keys.KAFKA_BOOTSTRAP + " instead",
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "our clients never auto-create topics; the services create them");
    /** Keys that are settings of ours under the pass-through prefix, not client properties. */
    private static final Set<String> OWN_KEYS = Set.of(Keys.KAFKA_BOOTSTRAP, Keys.KAFKA_PROPERTIES_FILE);
    /** Every property a producer, consumer or admin client knows. */
    private static final Set<String> KNOWN = known();

    public KafkaSettings {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(replicationFactor, "replicationFactor");
        Objects.requireNonNull(propertiesFile, "propertiesFile");
        if (bootstrap.isBlank()) {
            throw new BadSettingException(Keys.KAFKA_BOOTSTRAP, "is blank; set it to host:port of a Kafka broker");
        }
        clientProperties = Map.copyOf(clientProperties);
        clientProperties.keySet().forEach(k -> check(k, "client property " + k));
    }

    /** Plain settings for a broker without security: no pass-through, broker-default replication. */
    public static KafkaSettings of(String bootstrap, Topics topics) {
        return new KafkaSettings(bootstrap, topics, Optional.empty(), Map.of(), Optional.empty());
    }

    /** Reads {@code MCPCONFIG_KAFKA_*}, the prefix, partitions and replication factor; a bad one throws {@link BadSettingException}. */
    public static KafkaSettings fromSettings(Settings settings) {
        String bootstrap = settings.required(Keys.KAFKA_BOOTSTRAP, "set it to host:port of a Kafka broker, e.g. localhost:9092");
        String prefix = settings.string(Keys.TOPIC_PREFIX, Topics.DEFAULT_PREFIX);
        int partitions = settings.integer(Keys.PARTITIONS, Topics.DEFAULT_PARTITIONS, 1, 10_000);
        Topics topics;
        try {
            topics = Topics.withPrefix(prefix, partitions);
        } catch (IllegalArgumentException e) {
            throw new BadSettingException(Keys.TOPIC_PREFIX, e.getMessage());
        }
        Optional<Short> rf = settings.optional(Keys.REPLICATION_FACTOR)
                .map(v -> (short) settings.integer(Keys.REPLICATION_FACTOR, 1, 1, Short.MAX_VALUE));
        Map<String, String> client = new LinkedHashMap<>();
        Optional<Path> file = settings.optional(Keys.KAFKA_PROPERTIES_FILE).map(Path::of);
        file.ifPresent(f -> readFile(f).forEach((k, v) -> {
            check(k, Keys.KAFKA_PROPERTIES_FILE + ": " + k);
            client.put(k, v);
        }));
        settings.startingWith(Keys.KAFKA_PROPERTY_PREFIX).forEach((key, value) -> {
            if (!OWN_KEYS.contains(key)) {
                String property = propertyName(key);
                check(property, key);
                client.put(property, value);
            }
        });
        return new KafkaSettings(bootstrap, topics, rf, client, file);
    }

    /** {@code MCPCONFIG_KAFKA_SASL_JAAS_CONFIG} -> {@code sasl.jaas.config}. */
    static String propertyName(String key) {
        return key.substring(Keys.KAFKA_PROPERTY_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** A copy with these client properties added (over the ones already there). */
    public KafkaSettings withClientProperties(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(clientProperties);
        merged.putAll(more);
        return new KafkaSettings(bootstrap, topics, replicationFactor, merged, propertiesFile);
    }

    /** A copy whose created topics get this replication factor. */
    public KafkaSettings withReplicationFactor(short factor) {
        return new KafkaSettings(bootstrap, topics, Optional.of(factor), clientProperties, propertiesFile);
    }

    /** What every client gets: the address and the passed-through properties. */
    public Map<String, Object> common() {
        Map<String, Object> p = new LinkedHashMap<>(clientProperties);
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return p;
    }

    public Properties admin() {
        return properties(common());
    }

    public Properties producer() {
        return properties(common());
    }

    /** A consumer's base: it never causes a topic to be auto-created, even on a stock broker. */
    public Properties consumer() {
        Properties p = properties(common());
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return p;
    }

    /**
     * The start of a Kafka command-line call against this cluster, for fix hints, e.g.
     * {@code kafka-configs.sh --bootstrap-server k:9092 --command-config client.properties}.
     */
    public String commandLine(String tool) {
        return tool + " --bootstrap-server " + bootstrap
                + propertiesFile.map(f -> " --command-config " + f).orElse(clientProperties.isEmpty() ? "" : " --command-config <client.properties>");
    }

    @Override
    public String toString() { // never a password or a JAAS line
        Map<String, String> shown = new TreeMap<>();
        clientProperties.forEach((k, v) -> shown.put(k, secret(k) ? "<hidden>" : v));
        return "Kafka[" + bootstrap + ", topics " + topics.prefix() + ".*, " + topics.partitions() + " partitions"
                + replicationFactor.map(rf -> ", replication " + rf).orElse("") + (shown.isEmpty() ? "" : ", " + shown) + "]";
    }

    private static boolean secret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("jaas") || k.contains("secret") || k.endsWith(".key");
    }

    private static void check(String property, String source) {
        if (REFUSED.containsKey(property)) {
            throw new BadSettingException(source, "can't be passed through: " + REFUSED.get(property));
        }
        if (!KNOWN.contains(property)) {
            throw new BadSettingException(source, "'" + property + "' is not a Kafka client property; check the spelling"
                    + " (variables are MCPCONFIG_KAFKA_ + the property in upper snake case, e.g. MCPCONFIG_KAFKA_SECURITY_PROTOCOL)");
        }
    }

    private static Set<String> known() {
        Set<String> names = new HashSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return Set.copyOf(names);
    }

    private static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        } catch (IOException e) {
            throw new BadSettingException(Keys.KAFKA_PROPERTIES_FILE, "can't read " + file + " (" + e + "); fix the path or unset it", e);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k.trim(), p.getProperty(k).trim()));
        return out;
    }

    private static Properties properties(Map<String, Object> map) {
        Properties p = new Properties();
        p.putAll(map);
        return p;
    }
}
