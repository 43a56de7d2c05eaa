package io.mcpconfig.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What an operator's tools see of a management port: {@code curl} (when installed, as a probe or a
 * person would run it; java.net.http otherwise) and the Prometheus text format, read by name and labels.
 */
final class Scrape {
    private static final boolean CURL = Files.isExecutable(Path.of("/usr/bin/curl"));

    record Answer(int status, String body) {}

    private Scrape() {}

    static Answer get(int port, String path) throws IOException, InterruptedException {
        String url = "http://localhost:" + port + path;
        if (!CURL) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        }
        Process curl = new ProcessBuilder("/usr/bin/curl", "-sS", "--max-time", "20", "-w", "\n%{http_code}", url)
                .redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).as("curl %s finished", url).isTrue();
        assertThat(curl.exitValue()).as("curl %s: %s", url, out).isZero();
        int cut = out.lastIndexOf('\n');
        return new Answer(Integer.parseInt(out.substring(cut + 1).trim()), out.substring(0, cut));
    }

    /**
     * The sum of every sample of {@code name} whose labels include {@code labels}; NaN if there is
     * none (so a missing meter fails a comparison instead of reading as 0).
     */
    static double value(String metrics, String name, Map<String, String> labels) {
        double sum = Double.NaN;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            int brace = series.indexOf('{');
            String seriesName = brace < 0 ? series : series.substring(0, brace);
            if (!seriesName.equals(name) || !labels.entrySet().stream()
                    .allMatch(l -> series.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                continue;
            }
            double v = Double.parseDouble(line.substring(space + 1));
            sum = Double.isNaN(sum) ? v : sum + v;
        }
        return sum;
    }

    static double value(String metrics, String name) {
        return value(metrics, name, Map.of());
    }

    static double value(int port, String name, Map<String, String> labels) throws IOException, InterruptedException {
        return value(get(port, "/metrics").body(), name, labels);
    }
}
