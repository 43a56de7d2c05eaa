package io.mcpconfig.mcp.internal;

import io.mcpconfig.cache.ViewChange;
import io.mcpconfig.mcp.OrgConfigSource;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoints of every organization in use, created on its first request, kept current
 * from the source's {@link ViewChange}s, and closed after {@code idleTimeout} without a request
 * and without an open stream (an SSE stream counts as in use for as long as it is open). A client
 * of an evicted org gets 404 for its old session id and, as MCP asks, initializes a new session,
 * which builds the endpoint again from the cache. Changes are applied on one thread of their own:
 * the source's listener thread never waits on a client, and one org's updates stay in order.
 * Thread-safe.
 */
public final class OrgEndpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrgEndpoints.class);
    /** The path the SDK's servlet answers on; the router is mounted on it too. */
    public static final String MCP_PATH = "/mcp";
    private static final Duration MAX_KEEP_ALIVE = Duration.ofSeconds(30);

    private static final class Hosted {
        final OrgEndpoint endpoint;
        final HttpServlet servlet;
        final AtomicInteger inFlight = new AtomicInteger();
        volatile long lastUsedNanos;

        Hosted(OrgEndpoint endpoint, HttpServlet servlet) {
            this.endpoint = endpoint;
            this.servlet = servlet;
        }
    }

    private final OrgConfigSource source;
    private final ServerHttpHeaderValidator validator;
    private final long idleNanos;
    private final Duration keepAlive;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Hosted> hosted = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mcp-org-refresh");
        t.setDaemon(true);
        return t;
    });
    private final AutoCloseable subscription;

    /**
     * @param idleTimeout zero = never evict
     * @param nanoTime    the clock idleness is measured with ({@code System::nanoTime} outside tests)
     */
    public OrgEndpoints(OrgConfigSource source, ServerHttpHeaderValidator validator, Duration idleTimeout, LongSupplier nanoTime) {
        this.source = source;
        this.validator = validator;
        this.idleNanos = idleTimeout.toNanos();
        Duration half = idleTimeout.dividedBy(2);
        this.keepAlive = idleTimeout.isZero() || half.compareTo(MAX_KEEP_ALIVE) > 0 ? MAX_KEEP_ALIVE : half;
        this.nanoTime = nanoTime;
        this.subscription = source.subscribe(change -> worker.execute(() -> onChange(change)));
        if (!idleTimeout.isZero()) {
            long every = Math.max(10, Math.min(idleTimeout.toMillis() / 2, 60_000));
            worker.scheduleWithFixedDelay(this::evictIdle, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Serves one request of {@code orgId}, building its endpoint if it has none. */
    public void serve(String orgId, HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Hosted h = acquire(orgId);
        boolean streaming = false;
        try {
            h.servlet.service(request, response);
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Release(h));
                streaming = true;
            }
        } finally {
            if (!streaming) {
                release(h);
            }
        }
    }

    /** Touches {@code orgId}'s endpoint as one finished request would (for measurements and tests). */
    public void touch(String orgId) throws IOException {
        release(acquire(orgId));
    }

    /** How many orgs have an endpoint now. */
    public int size() {
        return hosted.size();
    }

    /** Closes the endpoints idle for longer than the timeout; returns how many. Also runs on a schedule. */
    public int evictIdle() {
        if (idleNanos == 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        List<Hosted> evicted = new ArrayList<>();
        for (String org : hosted.keySet()) {
            hosted.computeIfPresent(org, (k, h) -> {
                if (h.inFlight.get() == 0 && now - h.lastUsedNanos > idleNanos) {
                    evicted.add(h);
                    return null;
                }
                return h;
            });
        }
        evicted.forEach(h -> {
            LOG.info("org {} idle: endpoint closed", h.endpoint.orgId());
            h.endpoint.close();
        });
        return evicted.size();
    }

    private Hosted acquire(String orgId) throws IOException {
        while (true) {
            // Under the map's lock for this key, so eviction never closes an endpoint a request is entering.
            Hosted h = hosted.computeIfPresent(orgId, (k, live) -> {
                live.inFlight.incrementAndGet();
                live.lastUsedNanos = nanoTime.getAsLong();
                return live;
            });
            if (h != null) {
                return h;
            }
            // Built on the change thread: no change can then slip in between reading the org's view
            // and the endpoint being there to receive the next change.
            try {
                worker.submit(() -> hosted.computeIfAbsent(orgId, this::create)).get();
            } catch (ExecutionException e) {
                throw new IOException("could not build the endpoint of org " + orgId + ": " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while building the endpoint of org " + orgId, e);
            }
        }
    }

    private void release(Hosted h) {
        h.lastUsedNanos = nanoTime.getAsLong();
        h.inFlight.decrementAndGet();
    }

    private Hosted create(String orgId) {
        HttpServletStreamableServerTransportProvider provider = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(MCP_PATH)
                .httpHeaderValidator(validator)
                // Pings find streams whose client is gone (a write fails, the stream ends), so such an
                // org can go idle; they also keep proxies from cutting quiet streams.
                .keepAliveInterval(keepAlive)
                .build();
        NotificationGate gate = new NotificationGate(provider::notifyClients);
        ServedView served = new ServedView(source.forOrg(orgId));
        McpServer.SyncSpecification<?> spec = McpServer.sync(GatedTransports.streamable(provider, gate, served.handlers()));
        LOG.info("serving org {}", orgId);
        Hosted h = new Hosted(new OrgEndpoint(orgId, served.view(), served, gate, spec, true), provider);
        h.lastUsedNanos = nanoTime.getAsLong();
        return h;
    }

    private void onChange(ViewChange change) {
        for (Hosted h : hosted.values()) {
            if (h.endpoint.concerns(change)) {
                h.endpoint.applyOrKeepLast(change);
            }
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("could not unsubscribe from the config source: {}", e.toString());
        }
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hosted.values().forEach(h -> h.endpoint.close());
        hosted.clear();
    }

    /** Ends a streaming request's use of its endpoint when the stream ends, however it ends. */
    private final class Release implements AsyncListener {
        private final Hosted hosted;
        private boolean done;

        Release(Hosted hosted) {
            this.hosted = hosted;
        }

        private synchronized void once() {
            if (!done) {
                done = true;
                release(hosted);
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            once();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            once();
        }

        @Override
        public void onError(AsyncEvent event) {
            once();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // re-dispatched: still the same stream
        }
    }
}
