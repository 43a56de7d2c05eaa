package io.mcpconfig.mcp.internal;

import io.mcpconfig.cache.CacheStatus;
import io.mcpconfig.management.Health;

/**
 * The MCP server's readiness: its client cache is live (read the views topic to the end offsets
 * taken at start, applying updates since). Serving from the snapshot keeps clients going but is
 * not ready: a load balancer should prefer a live instance. Stateless.
 */
public final class CacheHealth {
    private CacheHealth() {}

    public static Health of(CacheStatus status) {
        if (status == CacheStatus.LIVE) {
            return Health.ready("client cache LIVE: views read to the end, updates applied as they come");
        }
        if (status == CacheStatus.CLOSED) {
            return Health.down("client cache CLOSED");
        }
        if (status == CacheStatus.SNAPSHOT) {
            return Health.notReady("client cache SNAPSHOT: serving the local snapshot, Kafka not caught up yet");
        }
        return Health.notReady("client cache " + status + ": views not read to the end yet");
    }
}
