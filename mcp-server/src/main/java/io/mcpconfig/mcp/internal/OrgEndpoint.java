package io.mcpconfig.mcp.internal;

import io.mcpconfig.mcp.OrgConfigSource;
import io.mcpconfig.mcp.OrgContent;
import io.mcpconfig.mcp.OrgContent.PromptItem;
import io.mcpconfig.mcp.OrgContent.ResourceItem;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One organization's MCP server: the SDK server whose registry holds exactly that org's prompts
 * and resources, so the SDK's own list handlers and list_changed broadcasts are per org. Why one
 * server per org: the SDK 2.1 list handlers return the whole registry, with no per-request filter
 * for prompts or resources. Thread-safe; {@link #refresh()} calls are serialized.
 */
final class OrgEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrgEndpoint.class);
    static final String SERVER_NAME = "mcp-config";
    static final String SERVER_VERSION = "0.1.0";

    private final String orgId;
    private final OrgConfigSource source;
    private final NotificationGate gate;
    private final McpSyncServer server;
    /** What the handlers serve; replaced whole, so one request never mixes two view updates. */
    private volatile OrgContent served;

    /**
     * @param spec the SDK server builder over a transport whose broadcasts go through {@code gate}
     */
    OrgEndpoint(String orgId, OrgConfigSource source, NotificationGate gate, McpServer.SyncSpecification<?> spec) {
        this.orgId = orgId;
        this.source = source;
        this.gate = gate;
        this.served = OrgContent.empty(orgId, -1);
        this.server = spec
                .serverInfo(SERVER_NAME, SERVER_VERSION)
                .capabilities(McpSchema.ServerCapabilities.builder().prompts(true).resources(true, true).build())
                .build();
        apply(false);
    }

    String orgId() {
        return orgId;
    }

    /**
     * Brings the registry to the source's current content for this org, with at most one
     * prompts/list_changed and one resources/list_changed to this org's sessions, and a
     * resources/updated to the subscribers of each resource whose content changed.
     */
    /** {@link #refresh()}, but a failure keeps the last good content served (logged; the next change retries). */
    void refreshOrKeepLast() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("could not apply the new view of org {}: {}", orgId, e.toString(), e);
        }
    }

    synchronized void refresh() {
        apply(true);
    }

    /** @param announce false for the first load: before it there was no list to change (and, on stdio, no initialize yet) */
    private void apply(boolean announce) {
        OrgContent next = source.contentOf(orgId);
        OrgContent previous = served;
        Map<String, PromptItem> oldPrompts = byKey(previous.prompts(), PromptItem::name);
        Map<String, PromptItem> newPrompts = byKey(next.prompts(), PromptItem::name);
        Map<String, ResourceItem> oldResources = byKey(previous.resources(), ResourceItem::uri);
        Map<String, ResourceItem> newResources = byKey(next.resources(), ResourceItem::uri);
        boolean promptsChanged = false;
        boolean resourcesListed = false;
        gate.hold();
        try {
            served = next;
            for (String name : oldPrompts.keySet()) {
                if (!newPrompts.containsKey(name)) {
                    server.removePrompt(name);
                    promptsChanged = true;
                }
            }
            for (PromptItem p : newPrompts.values()) {
                PromptItem old = oldPrompts.get(p.name());
                if (old == null || !McpItems.listing(old).equals(McpItems.listing(p))) {
                    server.addPrompt(new SyncPromptSpecification(McpItems.listing(p), (exchange, request) -> McpItems.get(served, request)));
                }
                // A template change leaves the listing as it was, but list_changed is the only signal
                // MCP has that a prompt changed, so any content change announces it.
                promptsChanged |= old == null || !old.contentHash().equals(p.contentHash());
            }
            if (promptsChanged) {
                server.notifyPromptsListChanged();
            }
            for (String uri : oldResources.keySet()) {
                if (!newResources.containsKey(uri)) {
                    server.removeResource(uri);
                    resourcesListed = true;
                }
            }
            for (ResourceItem r : newResources.values()) {
                ResourceItem old = oldResources.get(r.uri());
                if (old == null || !McpItems.listing(old).equals(McpItems.listing(r))) {
                    server.addResource(new SyncResourceSpecification(McpItems.listing(r), (exchange, request) -> McpItems.read(served, request.uri())));
                    resourcesListed = true;
                }
            }
        } finally {
            if (announce) {
                gate.release();
            } else {
                gate.discard();
            }
        }
        // Content changes of resources still listed go to their subscribers only (resources/updated).
        for (ResourceItem r : newResources.values()) {
            ResourceItem old = oldResources.get(r.uri());
            if (old != null && !old.contentHash().equals(r.contentHash())) {
                server.notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(r.uri()));
            }
        }
        if (promptsChanged || resourcesListed) {
            LOG.debug("org {} now serves revision {}: {} prompts, {} resources", orgId, next.revision(),
                    newPrompts.size(), newResources.size());
        }
    }

    private static <T> Map<String, T> byKey(Iterable<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(Objects.requireNonNull(key.apply(item)), item));
        return map;
    }

    @Override
    public void close() {
        server.close();
    }
}
