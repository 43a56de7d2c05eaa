package io.mcpconfig.mcp;

import static io.mcpconfig.mcp.Fixtures.token;
import static io.mcpconfig.mcp.ViewsProducer.prompt;
import static io.mcpconfig.mcp.ViewsProducer.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official TypeScript MCP SDK, installed from npm, as an independent client of the server over
 * the real client-cache and broker: src/test/node/client.mjs reports what it saw as JSON lines.
 */
class TypeScriptClientIT {
    private static final Path SOURCES = Path.of("src/test/node");
    static final Path WORK = Path.of("target/node-client");

    @Test
    void the_typescript_sdk_sees_per_org_lists_and_only_its_own_notifications() throws Exception {
        installClient();
        try (BrokerBackedServer fixture = new BrokerBackedServer()) {
            Process node = new ProcessBuilder("node", "client.mjs", fixture.server.endpoint().toString(), token("acme"), token("globex"))
                    .directory(WORK.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try {
                BlockingQueue<String> out = lines(node);
                Writer in = new java.io.OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);

                Map<String, Object> ready = next(out, "ready");
                assertThat(ready.get("a")).isEqualTo(List.of("review", "summarize"));
                assertThat(ready.get("b")).isEqualTo(List.of("summarize"));
                assertThat(ready.get("aRendered")).isEqualTo("ACME: <t>");
                assertThat(ready.get("bRendered")).isEqualTo("Summarize: <t>");
                assertThat((String) ready.get("badToken")).contains("401");
                assertThat(ready.get("crossOrgStatus")).isEqualTo(404);
                assertThat(ready.get("invalidParams")).isEqualTo(-32602);

                fixture.views.send("acme", 12, List.of(prompt("summarize", "ACME v2: {{text}}", "text"), prompt("review", "Review {{code}}", "code")),
                        List.of(resource("docs://policy", "acme policy")));
                in.write("updated\n");
                in.flush();
                assertThat(next(out, "a-notified").get("aRendered")).isEqualTo("ACME v2: <t>");

                fixture.views.send("globex", 13, List.of(prompt("marker", "m", "x")), List.of());
                in.write("marked\n");
                in.flush();
                Map<String, Object> done = next(out, "done");
                assertThat(done.get("aNotifications")).as("one list_changed for one view update").isEqualTo(1);
                assertThat(done.get("bNotifications")).as("only globex's own update").isEqualTo(1);
                assertThat(done.get("b")).isEqualTo(List.of("marker"));
                assertThat(node.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(node.exitValue()).isZero();
            } finally {
                node.destroyForcibly();
            }
        }
    }

    /** npm ci into target/ (once per clean build: the lock file pins the SDK version). */
    static void installClient() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        boolean lockChanged = !Files.exists(WORK.resolve("package-lock.json"))
                || Files.mismatch(SOURCES.resolve("package-lock.json"), WORK.resolve("package-lock.json")) != -1;
        for (String file : List.of("package.json", "package-lock.json", "client.mjs", "features.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged || !Files.isDirectory(WORK.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            // Never inherit stdin: it is surefire's channel to this test JVM, and node switching it to
            // non-blocking corrupts it ("std/in stream corrupted", seen as a flaky build).
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(WORK.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            assertThat(npm.waitFor(5, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
            assertThat(npm.exitValue()).as("npm ci exit code").isZero();
        }
    }

    static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    queue.add(line);
                }
            } catch (IOException ignored) { // the process ended
            }
        }, "node-stdout");
        reader.setDaemon(true);
        reader.start();
        return queue;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> next(BlockingQueue<String> out, String step) throws Exception {
        String line = out.poll(30, TimeUnit.SECONDS);
        assertThat(line).as("node client's '" + step + "' line").isNotNull();
        Map<String, Object> json = McpJsonDefaults.getMapper().readValue(line, Map.class);
        assertThat(json.get("step")).as(line).isEqualTo(step);
        return json;
    }
}
