package io.mcpconfig.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real JDK HTTP server on a free port, asked over HTTP as a probe or Prometheus would. */
class ManagementServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<Health> health = new AtomicReference<>(Health.notReady("starting"));
    private PrometheusMeterRegistry registry;
    private ManagementServer server;

    @BeforeEach
    void start() {
        registry = ManagementServer.newRegistry();
        server = ManagementServer.start(0, registry, health::get);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void ready_answers_200_only_when_ready_and_says_why_in_json() throws Exception {
        assertThat(get("/health/ready")).extracting(HttpResponse::statusCode).isEqualTo(503);
        assertThat(get("/health/ready").body()).isEqualTo("{\"status\":\"NOT_READY\",\"reason\":\"starting\"}");
        health.set(Health.ready("materializer RUNNING"));
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"READY\",\"reason\":\"materializer RUNNING\"}");
        assertThat(ready.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    }

    @Test
    void live_fails_only_when_down() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(200); // not ready, but alive: don't restart it
        health.set(Health.down("stopped: the slot is gone"));
        HttpResponse<String> live = get("/health/live");
        assertThat(live.statusCode()).isEqualTo(503);
        assertThat(live.body()).contains("\"status\":\"DOWN\"", "the slot is gone");
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void a_failing_check_is_not_ready_not_an_error_page() throws Exception {
        AtomicReference<Readiness> throwing = new AtomicReference<>(() -> {
            throw new IllegalStateException("boom");
        });
        try (ManagementServer other = ManagementServer.start(0, registry, () -> throwing.get().check())) {
            HttpResponse<String> ready = get(other.port(), "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("NOT_READY", "boom");
            assertThat(get(other.port(), "/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void metrics_are_prometheus_text_with_the_registrys_meters_and_the_jvms() throws Exception {
        Counter counter = Counter.builder("mcpconfig.test.events").tag("op", "UPDATE").register(registry);
        counter.increment(3);
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body()).contains("# TYPE mcpconfig_test_events_total counter",
                "mcpconfig_test_events_total{op=\"UPDATE\"} 3.0", "jvm_memory_used_bytes", "process_uptime_seconds");
    }

    @Test
    void other_paths_and_methods_are_refused() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/metricsx").statusCode()).isEqualTo(404);
        assertThat(get("/health/ready/x").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri(server.port(), "/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void a_taken_port_fails_naming_the_setting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> ManagementServer.start(taken.getLocalPort(), registry, health::get))
                    .isInstanceOf(io.mcpconfig.schemas.config.BadSettingException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining(ManagementConfig.PORT);
        }
    }

    @Test
    void deferred_readiness_says_starting_until_the_service_is_set() {
        DeferredReadiness deferred = new DeferredReadiness("cdc-publisher");
        assertThat(deferred.check()).isEqualTo(Health.notReady("cdc-publisher starting"));
        deferred.set(() -> Health.ready("active"));
        assertThat(deferred.check()).isEqualTo(Health.ready("active"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(server.port(), path);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(port, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
