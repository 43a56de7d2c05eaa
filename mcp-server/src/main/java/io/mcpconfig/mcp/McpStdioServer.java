package io.mcpconfig.mcp;

import io.mcpconfig.mcp.internal.StdioEndpoint;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One organization's prompts and resources over MCP's stdio transport, for a client that starts
 * the server as a subprocess. No token: the org is whatever the process was started with.
 * Notifications work as over HTTP. Closing stops serving; it does not close the source.
 */
public final class McpStdioServer implements AutoCloseable {
    private final StdioEndpoint endpoint;

    private McpStdioServer(StdioEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Serves {@code orgId} on {@code System.in}/{@code System.out}; keep logs off stdout. */
    public static McpStdioServer start(String orgId, OrgConfigSource source) {
        return start(orgId, source, System.in, System.out);
    }

    /** Serves {@code orgId} on the given streams (for tests and embedding). */
    public static McpStdioServer start(String orgId, OrgConfigSource source, InputStream in, OutputStream out) {
        return new McpStdioServer(new StdioEndpoint(orgId, source, in, out));
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
