package io.mcpconfig.cache.internal;

import io.mcpconfig.cache.CacheStatus;
import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.ListenerRegistration;
import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.ViewListener;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ConfigCache} implementation: wires the store, the listeners, the snapshot and the
 * consumer thread. Not API: public only so that {@code ConfigCacheBuilder} can start it.
 */
public final class CacheEngine implements ConfigCache {
    private static final Logger LOG = LoggerFactory.getLogger(CacheEngine.class);

    private final ViewStore store;
    private final Listeners listeners;
    private final Progress progress = new Progress();
    private final ViewApplier applier;
    private final ViewsConsumer consumer;
    private final Thread thread;
    private final ReceiptPublisher receipts;
    private volatile CacheStatus status = CacheStatus.STARTING;
    /** What status goes back to once a problem is fixed: STARTING or SNAPSHOT. */
    private volatile CacheStatus beforeProblem = CacheStatus.STARTING;
    private volatile String problem;

    /**
     * @param consume  false: no Kafka at all (the {@link OfflineCache} hook)
     * @param receipts whether to publish receipts to the clients topic (see {@link ReceiptPublisher})
     */
    private CacheEngine(CacheConfig config, boolean consume, boolean receipts) {
        CacheMetrics metrics = new CacheMetrics(config.meterRegistry(), config.clock());
        ViewMapper mapper = new ViewMapper();
        store = new ViewStore(config.maximumWeight(), config.orgFilter(), mapper, metrics.droppedUndecodable::increment);
        metrics.bind(config.meterRegistry(), store);
        listeners = new Listeners(config.listenerExecutor(), metrics.listenerFailures::increment);
        applier = new ViewApplier(config, store, mapper, listeners, metrics);
        if (!consume) {
            consumer = null;
            thread = null;
            this.receipts = null;
            return;
        }
        this.receipts = receipts ? new ReceiptPublisher(config, store, metrics, () -> status) : null;

        SnapshotFile file = config.snapshotFile() == null ? null : new SnapshotFile(config.snapshotFile());
        Map<Integer, Long> resume = Map.of();
        Snapshot snapshot = file == null ? null : file.load(metrics.snapshotCorrupt::increment);
        if (snapshot != null) {
            resume = loadSnapshot(config, snapshot, metrics);
            status = CacheStatus.SNAPSHOT;
            beforeProblem = CacheStatus.SNAPSHOT;
        }
        SnapshotWriter writer = new SnapshotWriter(file, config.snapshotInterval(), config.clock(), store, metrics);
        consumer = new ViewsConsumer(config, applier, store, progress, metrics, writer, resume, this::wentLive,
                topicReport());
        thread = new Thread(consumer, "mcpconfig-cache-" + config.topics().views().name());
        thread.setDaemon(true);
    }

    /** Loads the snapshot into the store; returns the offsets to resume from (none if unusable). */
    private Map<Integer, Long> loadSnapshot(CacheConfig config, Snapshot snapshot, CacheMetrics metrics) {
        long start = System.nanoTime();
        int loaded = 0;
        for (StoredView v : snapshot.views()) {
            // Lazily decoded: only the views read before they change cost a decode.
            if (config.selects(v.key())) {
                store.put(v, null);
                metrics.observed(v.updatedAtMillis());
                loaded++;
            }
        }
        boolean sameTopic = snapshot.topic().equals(config.topics().views().name());
        boolean resumable = sameTopic && snapshot.covers(config.orgFilter());
        LOG.info("serving {} views from the snapshot {} in {} ms; {}", loaded, config.snapshotFile(),
                (System.nanoTime() - start) / 1_000_000,
                resumable ? "resuming from its offsets" : "re-reading Kafka from the beginning (other topic or org filter)");
        return resumable ? snapshot.offsets() : Map.of();
    }

    /** Starts a cache (loading its snapshot first), its consumer thread and, if asked, its receipts. */
    public static ConfigCache start(CacheConfig config, boolean receipts) {
        CacheEngine engine = new CacheEngine(config, true, receipts);
        engine.thread.start();
        if (engine.receipts != null) {
            engine.receipts.start();
        }
        return engine;
    }

    /** A cache that never reads Kafka, holding {@code records} (see {@link OfflineCache}). */
    static CacheEngine offline(CacheConfig config, Iterable<byte[]> records) {
        CacheEngine engine = new CacheEngine(config, false, false);
        for (byte[] record : records) {
            io.mcpconfig.schemas.avro.OrgView view = io.mcpconfig.schemas.serde.AvroSerdes.orgView().decode(record);
            engine.applier.apply(view.getOrgId(), record, 0);
        }
        engine.status = CacheStatus.LIVE;
        return engine;
    }

    /** Status changes from the topic check (consumer thread); never over LIVE or CLOSED. */
    private ViewsTopicWatch.Report topicReport() {
        return new ViewsTopicWatch.Report() {
            @Override
            public void waitingForTopic() {
                problem = null;
                setIfNotLive(beforeProblem == CacheStatus.SNAPSHOT ? CacheStatus.SNAPSHOT : CacheStatus.WAITING_FOR_TOPIC);
            }

            @Override
            public void misconfigured(String line) {
                problem = line;
                setIfNotLive(CacheStatus.MISCONFIGURED);
            }

            @Override
            public void usable() {
                problem = null;
                setIfNotLive(beforeProblem);
            }
        };
    }

    private synchronized void setIfNotLive(CacheStatus next) {
        if (status != CacheStatus.LIVE && status != CacheStatus.CLOSED && status != next) {
            status = next;
            progress.signal();
        }
    }

    private synchronized void wentLive() {
        if (status != CacheStatus.CLOSED) {
            status = CacheStatus.LIVE;
            LOG.info("live: {} views held", store.size());
        }
    }

    @Override
    public OrgView forOrg(String orgId) {
        Objects.requireNonNull(orgId, "orgId");
        return store.forOrg(orgId);
    }

    @Override
    public Set<String> orgIds() {
        Set<String> ids = new HashSet<>();
        for (StoredView v : store.all()) {
            if (!io.mcpconfig.schemas.Scopes.isDefaults(v.key())) {
                ids.add(v.key());
            }
        }
        return ids;
    }

    @Override
    public ListenerRegistration addListener(String orgId, ViewListener listener) {
        return listeners.add(orgId, listener);
    }

    @Override
    public ListenerRegistration addListener(ViewListener listener) {
        return listeners.add(listener);
    }

    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        boolean ready = progress.await(() -> status == CacheStatus.SNAPSHOT || status == CacheStatus.LIVE,
                () -> status == CacheStatus.CLOSED || status == CacheStatus.MISCONFIGURED, timeout);
        throwIfMisconfigured();
        return ready;
    }

    @Override
    public boolean awaitLive(Duration timeout) throws InterruptedException {
        boolean live = progress.await(() -> status == CacheStatus.LIVE,
                () -> status == CacheStatus.CLOSED || status == CacheStatus.MISCONFIGURED, timeout);
        throwIfMisconfigured();
        return live;
    }

    private void throwIfMisconfigured() {
        String line = problem;
        if (status == CacheStatus.MISCONFIGURED && line != null) {
            throw new IllegalStateException(line);
        }
    }

    @Override
    public Optional<String> problem() {
        return status == CacheStatus.MISCONFIGURED ? Optional.ofNullable(problem) : Optional.empty();
    }

    @Override
    public boolean awaitRevision(String orgId, long revision, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(orgId, "orgId");
        return progress.await(() -> {
            StoredView v = store.stored(orgId);
            return v != null && v.revision() >= revision;
        }, () -> status == CacheStatus.CLOSED, timeout);
    }

    @Override
    public CacheStatus status() {
        return status;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (status == CacheStatus.CLOSED) {
                return;
            }
            status = CacheStatus.CLOSED;
        }
        if (receipts != null) {
            receipts.close();
        }
        if (consumer != null) {
            consumer.wakeUp();
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        progress.signal();
    }
}
