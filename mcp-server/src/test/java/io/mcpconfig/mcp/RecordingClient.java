package io.mcpconfig.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/** An MCP Java SDK client of one org that records what the server pushes to it. */
final class RecordingClient implements AutoCloseable {
    final McpSyncClient client;
    /** One entry per prompts/list_changed: the list the SDK client fetched on it. */
    final List<List<McpSchema.Prompt>> promptLists = new CopyOnWriteArrayList<>();
    final List<List<McpSchema.Resource>> resourceLists = new CopyOnWriteArrayList<>();
    /** One entry per resources/updated: the contents the SDK client read on it. */
    final List<McpSchema.ResourceContents> updates = new CopyOnWriteArrayList<>();

    /**
     * A client of {@code server}, returned once its notification stream is open: the SDK client opens
     * it after {@code initialize} returns, and a change pushed before it is open is never heard.
     */
    RecordingClient(McpConfigServer server, String token) {
        long streamsBefore = server.streamsOpened();
        URI endpoint = server.endpoint();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(endpoint.getScheme() + "://" + endpoint.getAuthority())
                .endpoint(endpoint.getPath())
                .httpRequestCustomizer((builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + token))
                .build();
        client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(10))
                .clientInfo(new McpSchema.Implementation("test-client", "1"))
                .promptsChangeConsumer(promptLists::add)
                .resourcesChangeConsumer(resourceLists::add)
                .resourcesUpdateConsumer(updates::addAll)
                .build();
        client.initialize();
        Awaitility.await("the notification stream of a new session").atMost(Duration.ofSeconds(10))
                .until(() -> server.streamsOpened() > streamsBefore);
    }

    List<String> promptNames() {
        return client.listPrompts().prompts().stream().map(McpSchema.Prompt::name).toList();
    }

    List<String> resourceUris() {
        return client.listResources().resources().stream().map(McpSchema.Resource::uri).toList();
    }

    String render(String prompt, java.util.Map<String, Object> arguments) {
        McpSchema.GetPromptResult result = client.getPrompt(new McpSchema.GetPromptRequest(prompt, arguments));
        return ((McpSchema.TextContent) result.messages().get(0).content()).text();
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
