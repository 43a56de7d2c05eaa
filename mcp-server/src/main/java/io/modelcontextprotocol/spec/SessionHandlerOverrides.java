package io.modelcontextprotocol.spec;

import io.modelcontextprotocol.server.McpRequestHandler;
import java.util.Map;

/**
 * mcp-config's one reach into the MCP Java SDK (2.1.0): replaces a few of the request handlers
 * every streamable-HTTP session of one server gets. It lives in the SDK's package because the
 * session factory's handler map is package-private, and the SDK offers no public way to replace a
 * built-in handler: its prompts/list and resources/list answer in hash order, and completion
 * handlers are fixed at build time (by prompt name) while our orgs' prompts change at run time.
 * Called once, from the transport provider's {@code setSessionFactory}, before any session exists.
 * See docs/decisions/mcp-server.md (11); the ITs fail if an SDK upgrade changes this.
 */
public final class SessionHandlerOverrides {
    private SessionHandlerOverrides() {}

    /**
     * Puts {@code handlers} into the handler map sessions of {@code factory} are created with.
     *
     * @throws IllegalStateException if the factory is not the SDK's default one (an SDK change)
     */
    public static void override(McpStreamableServerSession.Factory factory, Map<String, McpRequestHandler<?>> handlers) {
        if (!(factory instanceof DefaultMcpStreamableServerSessionFactory sdk)) {
            throw new IllegalStateException("unexpected MCP session factory " + factory.getClass().getName()
                    + ": this MCP SDK version is not the one mcp-server was built for");
        }
        sdk.requestHandlers.putAll(handlers);
    }
}
