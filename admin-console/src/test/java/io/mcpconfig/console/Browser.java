package io.mcpconfig.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpconfig.console.internal.Json;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium driven by playwright-core (npm, installed into target/ from the
 * committed lock file) through src/test/node/driver.mjs: one JSON command per line. Elements are
 * found by role and accessible name or by label, as a screen reader finds them.
 */
final class Browser implements AutoCloseable {
    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/browser-driver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final Process node;
    private final BufferedReader out;
    private final Writer in;

    private Browser(Process node) {
        this.node = node;
        this.out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
    }

    static Browser launch() throws IOException, InterruptedException {
        assertThat(Path.of("/usr/bin/chromium")).as("Debian's chromium (.ci/run installs it: apt-get install chromium)").exists();
        install();
        Files.createDirectories(SCREENSHOTS);
        Process node = new ProcessBuilder("node", "driver.mjs").directory(WORK.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Browser browser = new Browser(node);
        assertThat(browser.read().path("value").asText()).isEqualTo("ready");
        return browser;
    }

    /** A separate browser profile (cookies) of its own, e.g. one per person. */
    void context(String name) {
        call("context", "name", name);
    }

    int go(String url) {
        return call("goto", "url", url).asInt();
    }

    void click(String role, String name) {
        call("click", "role", role, "name", name);
    }

    void fill(String label, String value) {
        call("fill", "label", label, "value", value);
    }

    void check(String label) {
        call("check", "label", label);
    }

    void press(String key) {
        call("press", "key", key);
    }

    String focused() {
        return call("focused").asText();
    }

    void waitText(String text) {
        call("waitText", "text", text);
    }

    void waitFor(String role, String name) {
        call("waitFor", "role", role, "name", name);
    }

    int count(String role, String name) {
        return call("count", "role", role, "name", name).asInt();
    }

    String bodyText() {
        return call("bodyText").asText();
    }

    String url() {
        return call("url").asText();
    }

    void viewport(int width, int height) {
        call("viewport", "width", width, "height", height);
    }

    void screenshot(String name) {
        call("screenshot", "path", SCREENSHOTS.toAbsolutePath().resolve(name + ".png").toString());
    }

    /** fetch() from inside the page: the page's cookies go along, as they would for a script. */
    JsonNode fetch(String method, String url, Map<String, String> headers, String body) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("op", "fetch");
        c.put("method", method);
        c.put("url", url);
        c.put("headers", headers);
        if (body != null) {
            c.put("body", body);
        }
        return send(c);
    }

    private JsonNode call(String op, Object... keyValues) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("op", op);
        for (int i = 0; i < keyValues.length; i += 2) {
            c.put((String) keyValues[i], keyValues[i + 1]);
        }
        return send(c);
    }

    private JsonNode send(Map<String, Object> command) {
        try {
            in.write(Json.MAPPER.writeValueAsString(command) + "\n");
            in.flush();
            JsonNode answer = read();
            if (!answer.path("ok").asBoolean() && !"screenshot".equals(command.get("op")) && !"bodyText".equals(command.get("op"))) {
                // what the page showed when the step failed: a screenshot, and its text in the message
                send(Map.of("op", "screenshot", "path", SCREENSHOTS.toAbsolutePath().resolve("failed-step.png").toString()));
                String page = send(Map.of("op", "bodyText")).asText();
                throw new AssertionError(command + " failed: " + answer.path("error").asText() + "\npage text:\n" + page);
            }
            assertThat(answer.path("ok").asBoolean()).as(command + " failed: " + answer.path("error").asText()).isTrue();
            return answer.path("value");
        } catch (IOException e) {
            throw new AssertionError("browser driver: " + e, e);
        }
    }

    private JsonNode read() throws IOException {
        String line = out.readLine();
        assertThat(line).as("the browser driver answered (it ended?)").isNotNull();
        return Json.MAPPER.readTree(line);
    }

    @Override
    public void close() throws Exception {
        try {
            in.write("{\"op\":\"quit\"}\n");
            in.flush();
        } catch (IOException ignored) { // already gone
        }
        if (!node.waitFor(20, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
    }

    /** npm ci into target/ once per clean build (the lock file pins playwright-core; it downloads no browser). */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        boolean lockChanged = !Files.exists(WORK.resolve("package-lock.json"))
                || Files.mismatch(SOURCES.resolve("package-lock.json"), WORK.resolve("package-lock.json")) != -1;
        for (String file : List.of("package.json", "package-lock.json", "driver.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged || !Files.isDirectory(WORK.resolve("node_modules/playwright-core"))) {
            // Never inherit stdin: it is surefire's channel to this JVM.
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
}
