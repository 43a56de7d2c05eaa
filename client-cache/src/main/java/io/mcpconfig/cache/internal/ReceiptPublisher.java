package io.mcpconfig.cache.internal;

import io.mcpconfig.cache.CacheStatus;
import io.mcpconfig.schemas.avro.ClientReceipt;
import io.mcpconfig.schemas.serde.AvroSerdes;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what this cache holds to {@code <prefix>.clients} (its "receipt"), so ops see every
 * running cache ({@code mcpconfig status}): when what it holds changed (at most once per
 * {@link #MIN_GAP}) and as a heartbeat every {@link #HEARTBEAT}; a tombstone on close.
 *
 * <p>Never blocks or fails the host application: it runs on its own daemon thread, sends
 * asynchronously, and logs failures (once per kind) instead of throwing. It never creates the
 * topic: a producer's metadata request would auto-create a missing topic on a stock broker (with
 * the broker's settings, not ours), so it first checks with the admin client that the topic
 * exists and otherwise stays quiet, checking again at each heartbeat; the services create it.
 */
final class ReceiptPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPublisher.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    static final Duration MIN_GAP = Duration.ofSeconds(1);
    private static final Duration TICK = Duration.ofMillis(250);

    private final CacheConfig config;
    private final ViewStore store;
    private final CacheMetrics metrics;
    private final Supplier<CacheStatus> status;
    private final Clock clock;
    private final String topic;
    private final String clientId;
    private final String host;
    private final Instant startedAt;
    private final ScheduledExecutorService thread;
    private KafkaProducer<String, byte[]> producer;
    private Instant lastTopicCheck;
    private boolean loggedMissing;
    private boolean loggedFailure;
    private Instant lastSent;
    private String lastState;

    ReceiptPublisher(CacheConfig config, ViewStore store, CacheMetrics metrics, Supplier<CacheStatus> status) {
        this.config = config;
        this.store = store;
        this.metrics = metrics;
        this.status = status;
        this.clock = config.clock();
        this.topic = config.topics().clients().name();
        this.host = hostName();
        this.clientId = host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.startedAt = clock.instant();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mcpconfig-cache-receipts");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        thread.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    String clientId() {
        return clientId;
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            if (producer == null && !connect(now)) {
                return;
            }
            String state = state();
            boolean changed = !state.equals(lastState);
            boolean due = lastSent == null || Duration.between(lastSent, now).compareTo(HEARTBEAT) >= 0;
            boolean gapOver = lastSent == null || Duration.between(lastSent, now).compareTo(MIN_GAP) >= 0;
            if (due || (changed && gapOver)) {
                send(receipt(now));
                lastSent = now;
                lastState = state;
            }
        } catch (RuntimeException e) {
            failed("could not publish a receipt to " + topic, e);
        }
    }

    /** Whether the topic exists (then the producer is made); checked at most once per heartbeat. */
    private boolean connect(Instant now) {
        if (lastTopicCheck != null && Duration.between(lastTopicCheck, now).compareTo(HEARTBEAT) < 0) {
            return false;
        }
        lastTopicCheck = now;
        try (Admin admin = Admin.create(clientProps(AdminClientConfig.configNames(), Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000)))) {
            Set<String> names = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            if (!names.contains(topic)) {
                if (!loggedMissing) {
                    LOG.warn("not publishing receipts: topic {} does not exist (the publisher or materializer creates it); "
                            + "checking again every {} s", topic, HEARTBEAT.toSeconds());
                    loggedMissing = true;
                }
                return false;
            }
        } catch (Exception e) {
            failed("could not check topic " + topic + " for receipts", e);
            return false;
        }
        producer = new KafkaProducer<>(clientProps(ProducerConfig.configNames(), Map.of(
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false)), new StringSerializer(), new ByteArraySerializer());
        LOG.info("publishing receipts to {} as {}", topic, clientId);
        return true;
    }

    /** The cache's connection settings (bootstrap, security: {@link CacheConfig#kafka()}) this kind of client knows, plus ours. */
    private Map<String, Object> clientProps(Set<String> known, Map<String, Object> ours) {
        Map<String, Object> props = new HashMap<>(config.kafka().common());
        props.keySet().retainAll(known);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "mcpconfig-receipts-" + clientId);
        props.putAll(ours);
        return props;
    }

    /** What a receipt reports that may change; a change is sent (rate-limited). */
    private String state() {
        return status.get() + "/" + store.size() + "/" + store.mutations() + "/" + Math.min(metrics.lag(), 1);
    }

    ClientReceipt receipt(Instant now) {
        long revision = -1;
        long newest = Long.MIN_VALUE;
        List<StoredView> views = store.all();
        for (StoredView v : views) {
            revision = Math.max(revision, v.revision());
            newest = Math.max(newest, v.updatedAtMillis());
        }
        return ClientReceipt.newBuilder()
                .setClientId(clientId)
                .setHost(host)
                .setViewsTopic(config.topics().views().name())
                .setStatus(status.get().name())
                .setViewsHeld(views.size())
                .setAppliedRevision(revision)
                .setNewestUpdatedAt(newest == Long.MIN_VALUE ? null : Instant.ofEpochMilli(newest))
                .setLagRecords(metrics.lag())
                .setStartedAt(startedAt)
                .setSentAt(now)
                .setHeartbeatMillis(HEARTBEAT.toMillis())
                .build();
    }

    private void send(ClientReceipt receipt) {
        byte[] bytes = receipt == null ? null : AvroSerdes.clientReceipt().serialize(topic, receipt);
        producer.send(new ProducerRecord<>(topic, clientId, bytes), (metadata, e) -> {
            if (e != null) {
                failed("could not publish a receipt to " + topic, e);
            }
        });
    }

    private void failed(String what, Exception e) {
        if (!loggedFailure) {
            LOG.warn("{} (the cache works on; logged once): {}", what, e.toString());
            loggedFailure = true;
        } else {
            LOG.debug("{}: {}", what, e.toString());
        }
    }

    /** Stops publishing and leaves a tombstone, so the cache no longer shows as running; waits at most a few seconds. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (producer != null) {
            try {
                send(null);
            } catch (RuntimeException e) {
                failed("could not publish the closing tombstone to " + topic, e);
            }
            producer.close(Duration.ofSeconds(3));
        }
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return env != null && !env.isBlank() ? env : ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
