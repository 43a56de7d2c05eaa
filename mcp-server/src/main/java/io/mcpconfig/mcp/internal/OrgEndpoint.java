package io.mcpconfig.mcp.internal;

import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.Resource;
import io.mcpconfig.cache.ViewChange;
import io.mcpconfig.schemas.Scopes;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One organization's MCP server: the SDK server whose registry holds exactly that org's prompts
 * and resources (so get, read and subscribe are the SDK's own, per org), updated from the cache's
 * {@link ViewChange}s: the change says what was added, removed and changed, so nothing is diffed
 * here again. Why one server per org: the SDK 2.1 list handlers return the whole registry, with no
 * per-request filter for prompts or resources. Thread-safe; {@link #apply} calls are serialized.
 */
final class OrgEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrgEndpoint.class);
    static final String SERVER_NAME = "mcp-config";
    static final String SERVER_VERSION = "0.1.0";

    private final String orgId;
    private final NotificationGate gate;
    private final McpSyncServer server;
    private final ServedView served;

    /**
     * @param initial what the org serves now (registered without announcing: no client has seen a list yet)
     * @param served  the state the handlers answer from, shared with the transport's own handlers
     * @param spec    the SDK server builder over a transport whose broadcasts go through {@code gate}
     */
    OrgEndpoint(String orgId, OrgView initial, ServedView served, NotificationGate gate,
                McpServer.SyncSpecification<?> spec, boolean completions) {
        this.orgId = orgId;
        this.gate = gate;
        this.served = served;
        McpSchema.ServerCapabilities.Builder capabilities = McpSchema.ServerCapabilities.builder().prompts(true).resources(true, true);
        if (completions) {
            capabilities.completions();
        }
        this.server = spec.serverInfo(SERVER_NAME, SERVER_VERSION).capabilities(capabilities.build()).build();
        gate.hold();
        served.set(initial);
        initial.prompts().forEach(this::register);
        initial.resources().forEach(this::register);
        gate.discard();
    }

    String orgId() {
        return orgId;
    }

    /** Whether {@code change} is about what this org serves: its own view, or the defaults while it has none. */
    boolean concerns(ViewChange change) {
        return change.orgId().equals(orgId)
                || (Scopes.isDefaults(change.orgId()) && Scopes.isDefaults(served.view().orgId()));
    }

    /** {@link #apply}, but a failure keeps the last good content served (logged; the next change retries). */
    void applyOrKeepLast(ViewChange change) {
        try {
            apply(change);
        } catch (RuntimeException e) {
            LOG.warn("could not apply the new view of org {}: {}", orgId, e.toString(), e);
        }
    }

    /**
     * Serves {@code change.after()}, with at most one prompts/list_changed and one
     * resources/list_changed to this org's sessions, and a resources/updated to the subscribers of
     * each resource whose content changed.
     */
    synchronized void apply(ViewChange change) {
        OrgView before = served.view();
        OrgView after = change.after();
        if (after.orgId().equals(before.orgId()) && after.revision() < before.revision()) {
            // Queued before this endpoint was built from a newer view: that view already holds it.
            return;
        }
        List<String> updated = new ArrayList<>();
        gate.hold();
        try {
            served.set(after);
            change.promptsRemoved().forEach(name -> absent(() -> server.removePrompt(name)));
            change.promptsAdded().forEach(name -> register(after.prompt(name)));
            change.promptsChanged().forEach(name -> register(after.prompt(name)));
            // A template change leaves the listing as it was, but list_changed is the only signal MCP
            // has that a prompt changed, so any content change announces it.
            if (change.promptsChangedAtAll()) {
                server.notifyPromptsListChanged();
            }
            boolean relisted = !change.resourcesAdded().isEmpty() || !change.resourcesRemoved().isEmpty();
            change.resourcesRemoved().forEach(uri -> absent(() -> server.removeResource(uri)));
            change.resourcesAdded().forEach(uri -> register(after.resource(uri)));
            for (String uri : change.resourcesChanged()) {
                Resource old = before.resource(uri);
                Resource now = after.resource(uri);
                if (old == null || !McpItems.sameListing(old, now)) {
                    register(now);
                    relisted = true;
                }
                if (old == null || !old.contentHash().equals(now.contentHash())) {
                    updated.add(uri);
                }
            }
            if (relisted) {
                server.notifyResourcesListChanged();
            }
        } finally {
            gate.release();
        }
        // Content changes of resources still listed go to their subscribers only (resources/updated).
        updated.forEach(uri -> server.notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(uri)));
        LOG.debug("org {} now serves revision {}: {} prompts, {} resources", orgId, after.revision(),
                after.prompts().size(), after.resources().size());
    }

    /** Removes an item that may already be gone (a change queued while this endpoint was built). */
    private static void absent(Runnable remove) {
        try {
            remove.run();
        } catch (McpError alreadyGone) {
            LOG.debug("already removed: {}", alreadyGone.getMessage());
        }
    }

    private void register(Prompt p) {
        server.addPrompt(new SyncPromptSpecification(McpItems.listing(p), (exchange, request) -> McpItems.get(served.view(), request)));
    }

    private void register(Resource r) {
        server.addResource(new SyncResourceSpecification(McpItems.listing(r, served.view()),
                (exchange, request) -> McpItems.read(served.view(), request.uri())));
    }

    @Override
    public void close() {
        server.close();
    }
}
