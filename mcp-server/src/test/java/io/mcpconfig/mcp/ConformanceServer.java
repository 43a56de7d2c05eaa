package io.mcpconfig.mcp;

import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.PromptArgument;
import io.mcpconfig.cache.Versions;
import io.mcpconfig.schemas.Scopes;
import java.util.Base64;
import java.util.List;

/**
 * The server with the data the MCP conformance suite's scenarios ask for (prompt and resource
 * names of its reference server), for running the suite by hand: see docs/mcp-conformance.md.
 * Usage: {@code java ... ConformanceServer <port>}; prints a token for org "conformance".
 */
public final class ConformanceServer {
    private ConformanceServer() {}

    public static void main(String[] args) throws InterruptedException {
        McpConfigServer server = start(Integer.parseInt(args[0]));
        System.out.println("endpoint " + server.endpoint());
        System.out.println("token " + token());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }

    /** A token for org "conformance", valid for an hour. */
    static String token() {
        return Fixtures.token(Fixtures.SECRET, "org", "conformance", java.time.Instant.now().plusSeconds(3600));
    }

    /** The server with the suite's data on {@code port} (0 = any free one). */
    static McpConfigServer start(int port) {
        InMemorySource source = new InMemorySource();
        source.put(Fixtures.view(Scopes.DEFAULTS, 1,
                List.of(new Prompt("test_simple_prompt", null, "A simple prompt without arguments",
                                "This is a simple prompt for testing.", List.of(), new Versions(1L, null), "h1"),
                        new Prompt("test_prompt_with_arguments", null, "A prompt with arguments",
                                "Prompt with arguments: arg1='{{arg1}}', arg2='{{arg2}}'",
                                List.of(new PromptArgument("arg1", "First test argument", true, List.of("test-value", "other")),
                                        new PromptArgument("arg2", "Second test argument", true)), new Versions(1L, null), "h2")),
                List.of(Fixtures.text("test://static-text", "This is the content of the static text resource."),
                        Fixtures.blob("test://static-binary", Base64.getDecoder().decode(
                                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")),
                        Fixtures.text("test://watched-resource", "Watched resource content"))));
        return McpConfigServer.start(McpServerConfig.withSecret(port, Fixtures.SECRET), source);
    }
}
