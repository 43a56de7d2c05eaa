package io.mcpconfig.mcp.internal;

import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.SessionHandlerOverrides;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Transport providers as the SDK server sees them: the real one, with broadcasts going through a
 * {@link NotificationGate} (and, over HTTP, sessions answering some methods with our handlers). The real provider still serves HTTP or stdio; only the server's view
 * of "notify all clients" changes.
 */
final class GatedTransports {
    private GatedTransports() {}

    /** Also: each session answers the methods in {@code own} with those handlers ({@link SessionHandlerOverrides}). */
    static McpStreamableServerTransportProvider streamable(McpStreamableServerTransportProvider real, NotificationGate gate,
                                                           Map<String, McpRequestHandler<?>> own) {
        return new McpStreamableServerTransportProvider() {
            @Override
            public void setSessionFactory(McpStreamableServerSession.Factory factory) {
                SessionHandlerOverrides.override(factory, own);
                real.setSessionFactory(factory);
            }

            @Override
            public Mono<Void> notifyClients(String method, Object params) {
                return gate.notifyClients(method, params);
            }

            @Override
            public Mono<Void> notifyClient(String sessionId, String method, Object params) {
                return real.notifyClient(sessionId, method, params);
            }

            @Override
            public Mono<Void> closeGracefully() {
                return real.closeGracefully();
            }

            @Override
            public void close() {
                real.close();
            }

            @Override
            public List<String> protocolVersions() {
                return real.protocolVersions();
            }
        };
    }

    static McpServerTransportProvider session(McpServerTransportProvider real, NotificationGate gate) {
        return new McpServerTransportProvider() {
            @Override
            public void setSessionFactory(McpServerSession.Factory factory) {
                real.setSessionFactory(factory);
            }

            @Override
            public Mono<Void> notifyClients(String method, Object params) {
                return gate.notifyClients(method, params);
            }

            @Override
            public Mono<Void> notifyClient(String sessionId, String method, Object params) {
                return real.notifyClient(sessionId, method, params);
            }

            @Override
            public Mono<Void> closeGracefully() {
                return real.closeGracefully();
            }

            @Override
            public void close() {
                real.close();
            }

            @Override
            public List<String> protocolVersions() {
                return real.protocolVersions();
            }
        };
    }
}
