package io.mcpconfig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpconfig.mcp.DemoToken;
import io.mcpconfig.mcp.McpServerConfig;
import io.mcpconfig.quickstart.LocalStack;
import io.mcpconfig.testkit.TestNames;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chat prompts end to end, SQL to the official TypeScript MCP SDK: a prompt with user and
 * assistant turns that embeds the support policy; acme overrides the policy with plain SQL and the
 * next prompts/get returns acme's text, with the prompt's listing unchanged; globex switched the
 * policy off and is not served the prompt. src/test/node/chat-client.mjs reports what it saw.
 */
class ChatPromptsIT {
    /** The SDK version is pinned once, by mcp-server's TypeScript client test; this test reuses its lock file. */
    private static final Path NPM_PROJECT = Path.of("../mcp-server/src/test/node");
    private static final Path WORK = Path.of("target/node-chat-client");
    private static final String MESSAGES = """
            [{"role": "user", "content": {"type": "text", "text": "Draft a reply to a customer. Follow this policy:"}},
             {"role": "user", "content": {"type": "resource", "uri": "policy://support"}},
             {"role": "assistant", "content": {"type": "text", "text": "Understood{{#tone}}, in a {{tone}} tone{{/tone}}. What did they write?"}},
             {"role": "user", "content": {"type": "text", "text": "{{customer_message}}"}}]""";
    @TempDir
    static Path workDir;
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(workDir, TestNames.unique("chat"), false, 0);
        sql("INSERT INTO organization (id, display_name) VALUES ('acme', 'Acme'), ('globex', 'Globex')",
                "INSERT INTO default_resource (uri, name, mime_type, content_text) VALUES ('policy://support', 'support', 'text/markdown', 'Refunds within 30 days.')",
                "INSERT INTO default_prompt (name, description, messages, arguments) VALUES ('draft_customer_reply', 'Draft a reply', '"
                        + MESSAGES + "', '[{\"name\":\"customer_message\",\"required\":true},{\"name\":\"tone\"}]')",
                "INSERT INTO default_prompt (name, template) VALUES ('summarize', 'Summarize {{text}}')",
                "INSERT INTO organization_resource (org_id, uri, active) VALUES ('globex', 'policy://support', false)");
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.cache().forOrg("acme").prompt("draft_customer_reply") != null
                && stack.cache().forOrg("globex").prompt("summarize") != null);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aChatPromptEmbedsTheOrgsOwnResourceAndFollowsItsOverride() throws Exception {
        installClient();
        Process node = new ProcessBuilder("node", "chat-client.mjs", stack.mcpServer().endpoint().toString(), token("acme"), token("globex"))
                .directory(WORK.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BlockingQueue<String> out = lines(node);
            Writer in = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);

            Map<String, Object> ready = next(out, "ready");
            assertThat(ready.get("acme")).isEqualTo(List.of("draft_customer_reply", "summarize"));
            assertThat(ready.get("shape")).isEqualTo(List.of("user text", "user resource", "assistant text", "user text"));
            assertThat(ready.get("texts")).isEqualTo(List.of("Draft a reply to a customer. Follow this policy:",
                    "Understood, in a friendly tone. What did they write?", "My order is late."));
            assertThat(ready.get("embedded")).isEqualTo(List.of("policy://support Refunds within 30 days."));
            assertThat(ready.get("globex")).as("globex switched the policy off").isEqualTo(List.of("summarize"));
            assertThat(ready.get("globexGet")).as("unknown prompt: invalid params").isEqualTo(-32602);

            sql("INSERT INTO organization_resource (org_id, uri, content_text) VALUES ('acme', 'policy://support', 'Acme: refunds within 60 days.')");
            in.write("overridden\n");
            in.flush();

            Map<String, Object> done = next(out, "done");
            assertThat(done.get("embedded")).isEqualTo(List.of("policy://support Acme: refunds within 60 days."));
            assertThat(done.get("shape")).isEqualTo(ready.get("shape"));
            assertThat(done.get("listingUnchanged")).isEqualTo(true);
            assertThat(done.get("promptsListChanged")).as("the prompt's definition did not change").isEqualTo(0);
            assertThat(done.get("resourcesListChanged")).as("the policy's listing did not change").isEqualTo(0);
            assertThat(done.get("resourcesUpdated")).as("the subscriber of the policy hears of it").isEqualTo(List.of("policy://support"));
            assertThat(done.get("globexResourcesUpdated")).isEqualTo(List.of());
            System.out.printf("ChatPromptsIT: acme's new policy in prompts/get %s ms after the commit was announced%n", done.get("waitedMs"));
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).isZero();
        } finally {
            node.destroyForcibly();
        }
    }

    private static String token(String org) throws Exception {
        return DemoToken.issue(stack.jwtSecret(), McpServerConfig.DEFAULT_ORG_CLAIM, org, Duration.ofMinutes(10));
    }

    private static void sql(String... statements) throws Exception {
        try (Connection c = stack.connect(); Statement st = c.createStatement()) {
            st.execute("SET mcpconfig.actor = 'chat-test'");
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    /** npm ci into target/ (once per clean build). */
    private static void installClient() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(NPM_PROJECT.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(Path.of("src/test/node/chat-client.mjs"), WORK.resolve("chat-client.mjs"), StandardCopyOption.REPLACE_EXISTING);
        if (!Files.isDirectory(WORK.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            // Never inherit stdin: it is surefire's channel to this test JVM.
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(WORK.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            assertThat(npm.waitFor(5, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
            assertThat(npm.exitValue()).as("npm ci exit code").isZero();
        }
    }

    private static BlockingQueue<String> lines(Process process) {
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
    private static Map<String, Object> next(BlockingQueue<String> out, String step) throws Exception {
        String line = out.poll(60, TimeUnit.SECONDS);
        assertThat(line).as("node client's '" + step + "' line").isNotNull();
        Map<String, Object> json = new ObjectMapper().readValue(line, Map.class);
        assertThat(json.get("step")).as(line).isEqualTo(step);
        return json;
    }
}
