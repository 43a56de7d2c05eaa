package io.mcpconfig.console;

import io.mcpconfig.mcp.DemoToken;
import io.mcpconfig.mcp.McpServerConfig;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** A real MCP client (the MCP Java SDK over Streamable HTTP) of one org, as an AI application would be. */
final class McpClientOfOrg implements AutoCloseable {
    private final McpSyncClient client;

    McpClientOfOrg(URI endpoint, String secret, String org) throws Exception {
        String token = DemoToken.issue(secret, McpServerConfig.DEFAULT_ORG_CLAIM, org, Duration.ofHours(1));
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(endpoint.getScheme() + "://" + endpoint.getAuthority())
                .endpoint(endpoint.getPath())
                .httpRequestCustomizer((builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + token))
                .build();
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20))
                .clientInfo(new McpSchema.Implementation("console-test-client", "1")).build();
        client.initialize();
    }

    String render(String prompt, Map<String, Object> arguments) {
        McpSchema.GetPromptResult result = client.getPrompt(new McpSchema.GetPromptRequest(prompt, arguments));
        return ((McpSchema.TextContent) result.messages().get(0).content()).text();
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
