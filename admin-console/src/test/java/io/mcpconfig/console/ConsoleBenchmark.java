package io.mcpconfig.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpconfig.admin.Actor;
import io.mcpconfig.admin.ConfigAdmin;
import io.mcpconfig.admin.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (no IT suffix): run it by name, see docs/benchmarks.md.
 * <pre>mvn -B -ntp -pl admin-console -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=ConsoleBenchmark</pre>
 * Measures (1) the org page of an org with 50 effective prompts, as a browser's request on
 * loopback sees it, and (2) save-to-client: an API save until a real MCP client of the org renders
 * the new template.
 */
class ConsoleBenchmark {
    static final int PAGE_WARMUP = 30;
    static final int PAGE_RUNS = 200;
    static final int SAVES = 30;

    @Test
    void org_page_and_save_to_client() throws Exception {
        try (ConsoleFixture fixture = new ConsoleFixture()) {
            ConfigAdmin admin = ConfigAdmin.connect(fixture.jdbcUrl, fixture.postgres.user(), fixture.postgres.password());
            int existing = admin.prompts().list(Scope.org("acme")).size();
            for (int i = existing; i < 50; i++) {
                admin.prompts().set(new Actor("bench"), Scope.org("acme"), "bench_prompt_" + i, Map.of(
                        "template", TextNode.valueOf("Benchmark prompt " + i + " for {{text}}"),
                        "arguments", JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode()
                                .put("name", "text").put("required", true))), 0L);
            }
            assertThat(admin.prompts().list(Scope.org("acme"))).hasSize(50);
            Http editor = Http.bearer(fixture.base(), fixture.issuer.token("bench", "editor", List.of("acme"), Duration.ofHours(1)));

            List<Long> page = new ArrayList<>();
            for (int i = 0; i < PAGE_WARMUP + PAGE_RUNS; i++) {
                long t0 = System.nanoTime();
                Http.Answer answer = editor.get("/orgs/acme");
                long micros = (System.nanoTime() - t0) / 1_000;
                assertThat(answer.status()).isEqualTo(200);
                if (i >= PAGE_WARMUP) {
                    page.add(micros);
                }
            }
            List<Long> save = new ArrayList<>();
            try (McpClientOfOrg client = new McpClientOfOrg(fixture.mcpServer.endpoint(), ConsoleFixture.MCP_SECRET, "acme")) {
                for (int i = 0; i < SAVES; i++) {
                    String text = "Save " + i + " for {{text}}";
                    long t0 = System.nanoTime();
                    Http.Answer saved = editor.send("PATCH", "/api/scopes/acme/prompts/item?key=bench_prompt_49",
                            "{\"template\":\"" + text + "\"}", null);
                    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
                    String expected = "Save " + i + " for x";
                    while (!client.render("bench_prompt_49", Map.of("text", "x")).equals(expected)) {
                        if (System.nanoTime() - t0 > Duration.ofSeconds(60).toNanos()) {
                            throw new AssertionError("save " + i + " not served within 60 s");
                        }
                    }
                    save.add((System.nanoTime() - t0) / 1_000);
                }
            }
            System.out.printf("BENCHMARK org page (50 prompts): n=%d p50=%.1f ms p95=%.1f ms%n", page.size(), p(page, 50), p(page, 95));
            System.out.printf("BENCHMARK save to MCP client: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n", save.size(), p(save, 50),
                    p(save, 95), Collections.max(save) / 1000.0);
        }
    }

    static double p(List<Long> micros, int percentile) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
