package io.mcpconfig.mcp.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MCP server's meters, all named {@code mcpconfig.mcp.*}: requests by MCP method and outcome,
 * and the Streamable HTTP sessions held. Labels take a bounded set of values (a client chooses the
 * method it sends: unknown ones are counted as {@code other}). Thread-safe.
 */
public final class McpMetrics {
    /** Methods of the MCP spec (2025-06-18) a client may send; anything else is "other". */
    static final Set<String> KNOWN_METHODS = Set.of("initialize", "ping", "prompts/list", "prompts/get",
            "resources/list", "resources/read", "resources/templates/list", "resources/subscribe", "resources/unsubscribe",
            "tools/list", "tools/call", "completion/complete", "logging/setLevel", "notifications/initialized",
            "notifications/cancelled", "notifications/progress", "notifications/roots/list_changed");

    /** The request was answered with a result (or accepted, for notifications and responses). */
    public static final String OK = "ok";
    /** Answered with a JSON-RPC error: e.g. an unknown prompt or resource, bad arguments. */
    public static final String ERROR = "error";
    /** Refused at HTTP level (4xx): no or bad token, bad Host/Origin, unknown session, malformed request. */
    public static final String REJECTED = "rejected";
    /** The server failed (5xx). */
    public static final String FAILED = "failed";

    /** Method label of a request refused before its body was read (Host/Origin, token). */
    static final String UNREAD = "unread";
    /** Method label of the GET that opens a session's notification stream. */
    static final String STREAM = "stream";
    /** Method label of the DELETE that ends a session. */
    static final String DELETE = "delete";
    /** Method label of a client's JSON-RPC response (to a server request). */
    static final String RESPONSE = "response";

    private final MeterRegistry registry;
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong streams = new AtomicLong();
    private final AtomicLong streamsOpened = new AtomicLong();

    public McpMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("mcpconfig.mcp.sessions", sessions, AtomicLong::get)
                .description("Streamable HTTP sessions held: initialized and not deleted").register(registry);
        Gauge.builder("mcpconfig.mcp.streams", streams, AtomicLong::get)
                .description("Notification streams open (GET /mcp): sessions that hear list changes and resource updates now")
                .register(registry);
    }

    /** The label for a client-sent method name. */
    static String methodLabel(String method) {
        return method != null && KNOWN_METHODS.contains(method) ? method : "other";
    }

    void request(String method, String outcome) {
        Counter.builder("mcpconfig.mcp.requests").tag("method", method).tag("outcome", outcome)
                .description("HTTP requests to /mcp (one per POST, GET or DELETE) by MCP method and outcome")
                .register(registry).increment();
        if (OK.equals(outcome)) {
            if ("initialize".equals(method)) {
                sessions.incrementAndGet();
            } else if (DELETE.equals(method)) {
                sessions.updateAndGet(n -> Math.max(0, n - 1));
            }
        }
    }

    long sessions() {
        return sessions.get();
    }

    void streamOpened() {
        streamsOpened.incrementAndGet();
        streams.incrementAndGet();
    }

    void streamClosed() {
        streams.decrementAndGet();
    }

    /** Notification streams opened since start (never decreases, unlike the gauge of those open now). */
    public long streamsOpened() {
        return streamsOpened.get();
    }
}
