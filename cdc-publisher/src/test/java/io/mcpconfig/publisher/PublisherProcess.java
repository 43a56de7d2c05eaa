package io.mcpconfig.publisher;

import io.mcpconfig.management.ManagementConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar ({@code target/cdc-publisher.jar}, built in the package phase before failsafe
 * runs) in a child JVM, so a test can kill it the hard way ({@link #kill()}: SIGKILL, no
 * shutdown hook, no offset flush). Its output goes to a file under target/.
 */
final class PublisherProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "cdc-publisher.jar");

    private final Process process;
    private final Path output;

    private PublisherProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static PublisherProcess start(String name, Map<String, String> env) throws IOException {
        Path output = Path.of("target", "it-logs", name + ".log");
        Files.createDirectories(output.getParent());
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("MCPCONFIG_"));
        builder.environment().putAll(env);
        // Several publishers (and other helpers' tests) share this host: any free management port.
        builder.environment().putIfAbsent(ManagementConfig.PORT, "0");
        return new PublisherProcess(builder.start(), output);
    }

    static List<String> command() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString());
    }

    String log() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isActive() {
        return log().contains("active: this instance publishes");
    }

    boolean isStandby() {
        return log().contains("standby: another publisher holds");
    }

    /** The management port the process logged, or -1 before it did. */
    int managementPort() {
        Matcher m = Pattern.compile("management endpoints on port (\\d+)").matcher(log());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** {@code GET /health/ready} of the process: status code and body. */
    HttpResponse<String> ready() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: the JVM ends at once; its database connections drop with it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
