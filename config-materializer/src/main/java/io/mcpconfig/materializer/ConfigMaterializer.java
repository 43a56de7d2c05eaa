package io.mcpconfig.materializer;

import io.mcpconfig.management.Health;
import io.mcpconfig.materializer.internal.MaterializerHealth;
import io.mcpconfig.materializer.internal.MaterializerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.mcpconfig.schemas.topics.TopicSetup;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running materializer: a library handle, so the service's {@code main}, the quickstart and
 * end-to-end tests run the same thing. Thread-safe; {@link #close()} is idempotent.
 *
 * <pre>{@code
 * try (ConfigMaterializer m = ConfigMaterializer.start(MaterializerConfig.of(bootstrap, topics, stateDir))) {
 *     m.awaitRunning(Duration.ofSeconds(30));
 *     ...
 * }
 * }</pre>
 */
public final class ConfigMaterializer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigMaterializer.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final MeterRegistry registry;
    private final MaterializerMetrics metrics;
    private final ScheduledExecutorService status;

    private ConfigMaterializer(MaterializerConfig config, MeterRegistry registry) {
        this.registry = registry;
        this.metrics = new MaterializerMetrics(registry);
        this.streams = new KafkaStreams(MaterializerTopology.build(config, registry), config.streamsProperties(registry));
        this.status = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "materializer-status");
            t.setDaemon(true);
            return t;
        });
        if (config.statusIntervalSeconds() > 0) {
            status.scheduleAtFixedRate(() -> LOG.info("materializer {}: {}", streams.state(), metrics.statusLine()),
                    config.statusIntervalSeconds(), config.statusIntervalSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * Creates whichever owned topic is missing and verifies the others, then starts Kafka Streams
     * and returns without waiting for it to be running. Blocks up to 30 s on the broker for the topics.
     *
     * @throws io.mcpconfig.schemas.config.BadSettingException one line: a topic with a wrong setting
     *     (and the fix), refused credentials, or no broker answering
     */
    public static ConfigMaterializer start(MaterializerConfig config) {
        return start(config, new SimpleMeterRegistry());
    }

    /** As {@link #start(MaterializerConfig)}, with meters registered in {@code registry}. */
    public static ConfigMaterializer start(MaterializerConfig config, MeterRegistry registry) {
        // Every owned topic, not just ours: the publisher's offsets topic must exist compacted before
        // anything (a stock broker's auto-creation) can make it otherwise.
        TopicSetup.ensure(config.kafka(), ADMIN_TIMEOUT);
        ConfigMaterializer m = new ConfigMaterializer(config, registry);
        m.streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        m.streams.start();
        LOG.info("materializer started: {}, {} -> {}", describe(config), config.topics().changes().name(),
                config.topics().views().name());
        return m;
    }

    /** Blocks until Kafka Streams is RUNNING (tasks assigned and restored) or the timeout passes. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()
                    && streams.state() != KafkaStreams.State.CREATED) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Kafka Streams' state, e.g. RUNNING or REBALANCING. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** For {@code /health/ready}: READY only when RUNNING; DOWN once Kafka Streams stopped or failed. */
    public Health health() {
        return MaterializerHealth.of(streams.state());
    }

    /** The registry holding this instance's meters (names in {@code MaterializerMetrics}). */
    public MeterRegistry meterRegistry() {
        return registry;
    }

    /** The one-line status (counts of views, skips, duplicates, fan-outs, lag) the periodic log prints. */
    public String statusLine() {
        return metrics.statusLine();
    }

    /** Stops processing and releases state; blocks up to 30 s. */
    @Override
    public void close() {
        status.shutdownNow();
        streams.close(Duration.ofSeconds(30));
    }

    static String describe(MaterializerConfig config) {
        return config.applicationId() + " on " + config.bootstrap() + ", state in " + config.stateDir()
                + ", " + StreamsConfig.EXACTLY_ONCE_V2;
    }
}
