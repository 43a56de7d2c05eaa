package io.mcpconfig.schemas.topics;

import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.config.Keys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The one place topics are created and verified. A service calls {@link #ensure(KafkaSettings, Duration)}
 * at start: whichever of its topics is missing is created with its designed settings (so any
 * service may start first, even on a broker that auto-creates topics), and every topic is then
 * verified with {@link TopicCheck}. A client that creates nothing (the cache) uses {@link #inspect}.
 */
public final class TopicSetup {
    private TopicSetup() {}

    /** What a client that creates nothing learns about one topic. */
    public record Inspection(boolean exists, Optional<String> problem, boolean verified) {}

    /** {@link #ensure(KafkaSettings, List, Duration)} for every topic the deployment owns. */
    public static void ensure(KafkaSettings kafka, Duration timeout) {
        ensure(kafka, kafka.topics().owned(), timeout);
    }

    /**
     * Creates the missing topics and verifies all of them; blocks up to about {@code timeout}.
     *
     * @throws BadSettingException one line: a topic with a wrong setting (what it has, needs, the fix),
     *     refused credentials, missing rights, or no broker answering
     */
    public static void ensure(KafkaSettings kafka, List<TopicSpec<?, ?>> topics, Duration timeout) {
        Map<String, Object> props = kafka.common();
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        try (Admin admin = Admin.create(props)) {
            ensure(admin, topics, kafka.replicationFactor(), kafka.commandLine("kafka-configs.sh"), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (BadSettingException e) {
            throw e;
        } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
            throw new BadSettingException(Keys.KAFKA_BOOTSTRAP, "no Kafka answered at " + kafka.bootstrap() + " within "
                    + timeout.toSeconds() + " s; check the address, that the brokers run, and the security settings (MCPCONFIG_KAFKA_*)", e);
        } catch (RuntimeException e) {
            throw clientProblem(kafka, e);
        }
    }

    /** Turns what the admin client throws into one line naming what to fix. */
    public static BadSettingException clientProblem(KafkaSettings kafka, Throwable failure) {
        Throwable e = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        if (e instanceof AuthenticationException) {
            return new BadSettingException(Keys.KAFKA_PROPERTY_PREFIX + "SASL_JAAS_CONFIG", "Kafka at " + kafka.bootstrap()
                    + " refused our credentials (" + oneLine(e.getMessage()) + "); check the user name and password", e);
        }
        if (e instanceof AuthorizationException) {
            return new BadSettingException(Keys.KAFKA_PROPERTY_PREFIX + "SASL_JAAS_CONFIG", "Kafka at " + kafka.bootstrap()
                    + " does not allow this: " + oneLine(e.getMessage()) + "; grant the principal Describe, DescribeConfigs"
                    + " and Create on the topics, or create them beforehand (README: Running on your Kafka)", e);
        }
        return new BadSettingException(Keys.KAFKA_BOOTSTRAP, "can't use Kafka at " + kafka.bootstrap() + " ("
                + oneLine(e.getClass().getSimpleName() + ": " + e.getMessage()) + ")", e);
    }

    /** The core of {@link #ensure(KafkaSettings, List, Duration)} on a given admin client. */
    static void ensure(Admin admin, List<TopicSpec<?, ?>> topics, Optional<Short> replicationFactor, String configsTool,
                       Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, TopicDescription> existing = describe(admin, names(topics), timeout);
        List<NewTopic> missing = new ArrayList<>();
        for (TopicSpec<?, ?> spec : topics) {
            if (!existing.containsKey(spec.name())) {
                missing.add(spec.newTopic(replicationFactor));
            }
        }
        if (!missing.isEmpty()) {
            for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get(left(deadline), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) { // another service won the race: verify theirs
                        throw rethrow(e);
                    }
                }
            }
        }
        for (TopicSpec<?, ?> spec : topics) {
            Inspection inspection = inspectUntil(admin, spec, configsTool, deadline);
            if (inspection.problem().isPresent()) {
                throw new BadSettingException("topic " + spec.name(), inspection.problem().get());
            }
        }
    }

    /**
     * Whether the topic exists and, if it does, what is wrong with it. When the principal may not
     * describe configs, the topic is reported unverified rather than failing.
     */
    public static Inspection inspect(Admin admin, TopicSpec<?, ?> spec, String configsTool, Duration timeout)
            throws InterruptedException, TimeoutException, ExecutionException {
        TopicDescription description = describe(admin, List.of(spec.name()), timeout).get(spec.name());
        if (description == null) {
            return new Inspection(false, Optional.empty(), false);
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        Config config;
        try {
            config = admin.describeConfigs(List.of(resource)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException) {
                return new Inspection(true, Optional.empty(), false);
            }
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return new Inspection(false, Optional.empty(), false);
            }
            throw e;
        }
        Map<String, String> found = new HashMap<>();
        config.entries().forEach(entry -> found.put(entry.name(), entry.value()));
        return new Inspection(true, TopicCheck.problem(spec, description.partitions().size(), found, configsTool), true);
    }

    /** Inspects a topic that was just created, waiting out the moment the broker does not know it yet. */
    private static Inspection inspectUntil(Admin admin, TopicSpec<?, ?> spec, String configsTool, long deadline)
            throws InterruptedException, TimeoutException {
        while (true) {
            Inspection inspection;
            try {
                inspection = inspect(admin, spec, configsTool, Duration.ofMillis(left(deadline)));
            } catch (ExecutionException e) {
                throw rethrow(e);
            }
            if (inspection.exists()) {
                return inspection;
            }
            if (left(deadline) <= 1) {
                throw new TimeoutException("topic " + spec.name() + " was created but is not visible yet");
            }
            Thread.sleep(100);
        }
    }

    private static Map<String, TopicDescription> describe(Admin admin, List<String> names, Duration timeout)
            throws InterruptedException, TimeoutException {
        Map<String, TopicDescription> found = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> e : admin.describeTopics(names).topicNameValues().entrySet()) {
            try {
                found.put(e.getKey(), e.getValue().get(left(deadline), TimeUnit.MILLISECONDS));
            } catch (ExecutionException failed) {
                if (!(failed.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw rethrow(failed);
                }
            }
        }
        return found;
    }

    private static List<String> names(List<TopicSpec<?, ?>> topics) {
        return topics.stream().map(TopicSpec::name).toList();
    }

    private static long left(long deadline) {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }

    private static RuntimeException rethrow(ExecutionException e) {
        Throwable cause = e.getCause();
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
