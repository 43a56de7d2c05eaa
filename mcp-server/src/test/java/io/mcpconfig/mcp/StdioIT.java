package io.mcpconfig.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.Scopes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One org over MCP's stdio transport: newline-delimited JSON-RPC, as a subprocess client sees it. */
class StdioIT {
    @Test
    void serves_the_org_given_at_start_and_pushes_its_list_changes() throws Exception {
        InMemorySource source = new InMemorySource();
        source.put(Fixtures.view(Scopes.DEFAULTS, 1, List.of(Fixtures.prompt("defaults_only", "d")), List.of()));
        source.put(Fixtures.view("acme", 2, List.of(Fixtures.prompt("acme_prompt", "a")), List.of()));

        PipedOutputStream clientOut = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(clientOut, 1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream();
        PipedInputStream clientIn = new PipedInputStream(serverOut, 1 << 16);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    received.add(line);
                }
            } catch (java.io.IOException ignored) { // closed
            }
        });
        reader.setDaemon(true);
        reader.start();

        try (McpStdioServer server = McpStdioServer.start("acme", source, serverIn, serverOut)) {
            Writer w = new java.io.OutputStreamWriter(clientOut, StandardCharsets.UTF_8);
            send(w, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            assertThat(next(received)).contains("\"id\":1").contains("\"listChanged\":true");
            send(w, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(w, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"prompts/list\"}");
            assertThat(next(received)).contains("\"id\":2").contains("acme_prompt").doesNotContain("defaults_only");

            source.put(Fixtures.view("acme", 3, List.of(Fixtures.prompt("acme_prompt", "a2"), Fixtures.prompt("b", "b")), List.of()));
            assertThat(next(received)).contains("notifications/prompts/list_changed");
            send(w, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"prompts/list\"}");
            assertThat(next(received)).as("one notification for one view update, then the answer")
                    .contains("\"id\":3").contains("\"b\"");
        }
    }

    private static void send(Writer w, String json) throws java.io.IOException {
        w.write(json + "\n");
        w.flush();
    }

    private static String next(BlockingQueue<String> received) throws InterruptedException {
        String line = received.poll(10, TimeUnit.SECONDS);
        assertThat(line).as("a line from the server within 10 s").isNotNull();
        return line;
    }
}
