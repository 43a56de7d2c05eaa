package io.mcpconfig.mcp.internal;

import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Turns the N list_changed notifications the SDK sends for N {@code addPrompt}/{@code removePrompt}
 * calls into one per view update: while held, list_changed broadcasts are recorded instead of
 * sent; {@link #release()} sends each recorded kind once. Other notifications (resources/updated to
 * subscribers, logging, ...) pass straight through. Thread-safe.
 */
final class NotificationGate {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationGate.class);
    private static final Set<String> HELD = Set.of(
            McpSchema.METHOD_NOTIFICATION_PROMPTS_LIST_CHANGED, McpSchema.METHOD_NOTIFICATION_RESOURCES_LIST_CHANGED);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final BiFunction<String, Object, Mono<Void>> broadcast;
    private final Set<String> pending = new LinkedHashSet<>();
    private boolean holding;

    NotificationGate(BiFunction<String, Object, Mono<Void>> broadcast) {
        this.broadcast = broadcast;
    }

    /** What the wrapped transport's {@code notifyClients} does. */
    synchronized Mono<Void> notifyClients(String method, Object params) {
        if (holding && HELD.contains(method)) {
            pending.add(method);
            return Mono.empty();
        }
        return broadcast.apply(method, params);
    }

    synchronized void hold() {
        holding = true;
    }

    /** Stops holding and drops what was held: for the first load, which no client has seen a list of. */
    synchronized void discard() {
        holding = false;
        pending.clear();
    }

    /** Stops holding and sends each held kind of notification once; blocks until sent. */
    void release() {
        List<String> toSend;
        synchronized (this) {
            holding = false;
            toSend = new ArrayList<>(pending);
            pending.clear();
        }
        for (String method : toSend) {
            try {
                broadcast.apply(method, null).block(SEND_TIMEOUT);
            } catch (RuntimeException e) { // a broken client stream must not stop the next org's update
                LOG.warn("could not send {}: {}", method, e.toString());
            }
        }
    }
}
