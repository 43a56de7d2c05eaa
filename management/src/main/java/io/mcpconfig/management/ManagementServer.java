package io.mcpconfig.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mcpconfig.schemas.config.BadSettingException;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's management endpoints on a port of their own (JDK HTTP server, two threads):
 * <ul>
 *   <li>{@code GET /health/live}: 200 unless the service is {@link Health.State#DOWN} (then 503: restart it);</li>
 *   <li>{@code GET /health/ready}: 200 only when {@link Health.State#READY}, else 503;</li>
 *   <li>{@code GET /metrics}: every meter of the registry in Prometheus' text format.</li>
 * </ul>
 * Health bodies are small JSON: {@code {"status":"NOT_READY","reason":"materializer REBALANCING"}}.
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = ManagementServer.newRegistry();
 * try (ManagementServer management = ManagementServer.start(9401, registry, service::health)) { ... }
 * }</pre>
 *
 * Thread-safe; {@link #close()} is idempotent.
 */
public final class ManagementServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer http;
    private final ExecutorService threads;

    private ManagementServer(HttpServer http, ExecutorService threads) {
        this.http = http;
        this.threads = threads;
    }

    /** A Prometheus registry with the JVM's own meters (memory, GC, threads, CPU, uptime) bound. */
    public static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    /**
     * Binds {@code port} (0: any free one) on every interface and serves until closed.
     *
     * @throws BadSettingException naming {@value ManagementConfig#PORT} if the port can't be bound
     */
    public static ManagementServer start(int port, PrometheusMeterRegistry registry, Readiness readiness) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(readiness, "readiness");
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(port), 16);
        } catch (IOException e) {
            throw new BadSettingException(ManagementConfig.PORT, "can't serve the management endpoints on port " + port
                    + " (" + e.getMessage() + "); set it to a free port", e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "mcpconfig-management");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(threads);
        http.createContext("/health/live", exchange -> health(exchange, readiness, false));
        http.createContext("/health/ready", exchange -> health(exchange, readiness, true));
        http.createContext("/metrics", exchange -> {
            if (allowed(exchange, "/metrics")) {
                respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
            }
        });
        http.createContext("/", exchange -> respond(exchange, 404, JSON,
                "{\"error\":\"not found; try /health/live, /health/ready or /metrics\"}"));
        http.start();
        ManagementServer server = new ManagementServer(http, threads);
        // Debug only: a main says it once its service started, so a failing start stays one line.
        LOG.debug("management endpoints on port {}", server.port());
        return server;
    }

    /** The line a main logs once its service is up: {@code management endpoints on port N: ...}. */
    public String describe() {
        return "management endpoints on port " + port() + ": /health/live, /health/ready, /metrics";
    }

    /** The bound port (the real one when started with 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void health(HttpExchange exchange, Readiness readiness, boolean ready) throws IOException {
        if (!allowed(exchange, ready ? "/health/ready" : "/health/live")) {
            return;
        }
        Health health;
        try {
            health = Objects.requireNonNull(readiness.check(), "readiness check returned null");
        } catch (RuntimeException e) {
            health = Health.notReady("readiness check failed: " + e);
        }
        boolean ok = ready ? health.isReady() : health.isAlive();
        respond(exchange, ok ? 200 : 503, JSON, health.toJson());
    }

    /** Only GET/HEAD of exactly the path (the JDK server matches contexts by prefix). */
    private static boolean allowed(HttpExchange exchange, String path) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(path)) {
            respond(exchange, 404, JSON, "{\"error\":\"not found\"}");
            return false;
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            respond(exchange, 405, JSON, "{\"error\":\"use GET\"}");
            return false;
        }
        return true;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }
}
