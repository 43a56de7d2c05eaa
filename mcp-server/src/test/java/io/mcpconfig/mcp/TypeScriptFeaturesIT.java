package io.mcpconfig.mcp;

import static io.mcpconfig.mcp.Fixtures.argument;
import static io.mcpconfig.mcp.Fixtures.prompt;
import static io.mcpconfig.mcp.Fixtures.text;
import static io.mcpconfig.mcp.TypeScriptClientIT.lines;
import static io.mcpconfig.mcp.TypeScriptClientIT.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import io.mcpconfig.schemas.Scopes;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official TypeScript SDK (src/test/node/features.mjs) against a server that checks audience
 * and issuer: the 401 challenge and the metadata document it names, tokens for another audience or
 * issuer refused, sorted lists, resource size and lastModified, completions, and a client of an
 * evicted org working again with a new session.
 */
class TypeScriptFeaturesIT {
    private static final String ISSUER = "https://login.example.com";

    @Test
    void the_typescript_sdk_sees_authorization_metadata_completions_sorted_lists_and_recovers_from_eviction() throws Exception {
        TypeScriptClientIT.installClient();
        InMemorySource source = new InMemorySource();
        source.put(Fixtures.view(Scopes.DEFAULTS, 1,
                List.of(prompt("zebra", "z"), prompt("reply", "Reply, {{tone}}", argument("tone", null, true, "friendly", "formal", "terse")),
                        prompt("alpha", "a")),
                List.of(text("docs://zeta", "zz"), text("docs://alpha", "a"))));
        // The resource identifier is what clients must put in aud; the server listens on a free port.
        URI resource = URI.create("https://mcp.example.com/mcp");
        McpServerConfig config = McpServerConfig.withSecret(0, Fixtures.SECRET)
                .withAuthorization(new AuthorizationConfig(resource, ISSUER, JWSAlgorithm.HS256, List.of(URI.create(ISSUER)),
                        List.of("mcp:prompts")))
                .withOrgIdleTimeout(Duration.ofMillis(500));
        try (McpConfigServer server = McpConfigServer.start(config, source)) {
            Process node = new ProcessBuilder("node", "features.mjs", server.endpoint().toString(),
                    Fixtures.token("acme", resource.toString(), ISSUER),
                    Fixtures.token("acme", "https://other.example.com/api", ISSUER),
                    Fixtures.token("acme", resource.toString(), "https://evil.example.com"))
                    .directory(TypeScriptClientIT.WORK.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try {
                BlockingQueue<String> out = lines(node);
                Writer in = new java.io.OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
                Map<String, Object> ready = next(out, "ready");
                assertThat(ready.get("status")).isEqualTo(401);
                assertThat((String) ready.get("challenge")).startsWith("Bearer ")
                        .contains("resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"");
                assertThat(ready.get("metadata")).isEqualTo(Map.of("resource", "https://mcp.example.com/mcp",
                        "authorization_servers", List.of(ISSUER), "scopes_supported", List.of("mcp:prompts"),
                        "bearer_methods_supported", List.of("header"), "resource_name", "mcp-config"));
                assertThat((String) ready.get("otherAudience")).contains("401");
                assertThat((String) ready.get("otherIssuer")).contains("401");
                assertThat(ready.get("prompts")).isEqualTo(List.of("alpha", "reply", "zebra"));
                assertThat(ready.get("resources")).isEqualTo(List.of("docs://alpha", "docs://zeta"));
                assertThat(ready.get("sizes")).isEqualTo(List.of(1, 2));
                assertThat(ready.get("lastModified")).isEqualTo(Fixtures.UPDATED_AT.toString());
                assertThat(ready.get("completion")).isEqualTo(Map.of("values", List.of("friendly", "formal"), "total", 2, "hasMore", false));

                next(out, "closed");
                // An open notification stream keeps an org in use; once the client closed it, the org idles out.
                await().atMost(Duration.ofSeconds(30)).until(() -> server.hostedOrgs() == 0);
                in.write("evicted\n");
                in.flush();
                Map<String, Object> done = next(out, "done");
                assertThat(done.get("oldSession")).as("the evicted session is unknown: the client must initialize again").isEqualTo(404);
                assertThat(done.get("prompts")).isEqualTo(List.of("alpha", "reply", "zebra"));
                assertThat(node.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(node.exitValue()).isZero();
            } finally {
                node.destroyForcibly();
            }
        }
    }
}
