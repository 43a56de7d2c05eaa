package io.mcpconfig.mcp.internal;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An SDK session whose requests for a few methods are answered by our handlers, everything else
 * by the SDK's own session. Why: SDK 2.1 lists prompts and resources in hash order and takes
 * completion handlers only at build time (keyed by prompt name), while our orgs' prompts come and
 * go at run time; there is no public way to replace a built-in request handler. The SDK still
 * parses JSON-RPC, owns the session and its streams; this only picks whose handler runs.
 * Every public method of the session is delegated (the transport provider only calls those).
 */
final class InterceptingSession extends McpStreamableServerSession {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final McpStreamableServerSession sdk;
    private final Map<String, McpRequestHandler<?>> own;

    InterceptingSession(McpStreamableServerSession sdk, Map<String, McpRequestHandler<?>> own) {
        // The superclass runs only our handlers (through responseStream below); it holds no stream.
        super(sdk.getId(), null, null, TIMEOUT, own, Map.of());
        this.sdk = sdk;
        this.own = own;
    }

    @Override
    public Mono<Void> responseStream(McpSchema.JSONRPCRequest request, McpStreamableServerTransport transport) {
        return own.containsKey(request.method()) ? super.responseStream(request, transport) : sdk.responseStream(request, transport);
    }

    @Override
    public String getId() {
        return sdk.getId();
    }

    @Override
    public void setMinLoggingLevel(McpSchema.LoggingLevel level) {
        sdk.setMinLoggingLevel(level);
    }

    @Override
    public boolean isNotificationForLevelAllowed(McpSchema.LoggingLevel level) {
        return sdk.isNotificationForLevelAllowed(level);
    }

    @Override
    public <T> Mono<T> sendRequest(String method, Object params, TypeRef<T> type) {
        return sdk.sendRequest(method, params, type);
    }

    @Override
    public Mono<Void> sendNotification(String method, Object params) {
        return sdk.sendNotification(method, params);
    }

    @Override
    public Mono<Void> delete() {
        return sdk.delete();
    }

    @Override
    public boolean hasListeningStream() {
        return sdk.hasListeningStream();
    }

    @Override
    public boolean hasOpenStream() {
        return sdk.hasOpenStream();
    }

    @Override
    public McpStreamableServerSessionStream listeningStream(McpStreamableServerTransport transport) {
        return sdk.listeningStream(transport);
    }

    @Override
    public void releaseListeningStream() {
        sdk.releaseListeningStream();
    }

    @Override
    public Flux<McpSchema.JSONRPCMessage> replay(Object lastEventId) {
        return sdk.replay(lastEventId);
    }

    @Override
    public McpStreamableServerSessionStream responseStream(McpStreamableServerTransport transport) {
        return sdk.responseStream(transport);
    }

    @Override
    public Mono<Void> accept(McpSchema.JSONRPCNotification notification) {
        return sdk.accept(notification);
    }

    @Override
    public Mono<Void> accept(McpSchema.JSONRPCResponse response) {
        return sdk.accept(response);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return sdk.closeGracefully();
    }

    @Override
    public void close() {
        sdk.close();
    }
}
