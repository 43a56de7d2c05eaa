package io.mcpconfig.mcp;

import static io.mcpconfig.mcp.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.Scopes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may talk to the endpoint, checked with raw HTTP so every status and header is visible. */
class AuthIT {
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
             "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";
    private static final String LIST_PROMPTS = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"prompts/list\"}";

    private static final InMemorySource SOURCE = new InMemorySource();
    private static McpConfigServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        SOURCE.put(Fixtures.view(Scopes.DEFAULTS, 1, List.of(Fixtures.prompt("p", "t")), List.of()));
        server = McpConfigServer.start(McpServerConfig.withSecret(0, Fixtures.SECRET), SOURCE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_valid_token_initializes_a_session() throws Exception {
        HttpResponse<String> response = post(INITIALIZE, "Bearer " + token("acme"), null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Mcp-Session-Id")).isPresent();
    }

    @Test
    void missing_malformed_badly_signed_expired_or_org_less_tokens_get_401_with_a_challenge() throws Exception {
        String otherKey = token("another-secret-of-at-least-thirty-two-bytes", "org", "acme", Instant.now().plusSeconds(60));
        String expired = token(Fixtures.SECRET, "org", "acme", Instant.now().minusSeconds(3600));
        String noExpiry = token(Fixtures.SECRET, "org", "acme", null);
        String wrongClaim = token(Fixtures.SECRET, "tenant", "acme", Instant.now().plusSeconds(60));
        String notAnOrg = token(Fixtures.SECRET, "org", "_defaults", Instant.now().plusSeconds(60));
        for (String authorization : List.of("", "Basic dXNlcjpwYXNz", "Bearer not-a-jwt", "Bearer " + otherKey,
                "Bearer " + expired, "Bearer " + noExpiry, "Bearer " + wrongClaim, "Bearer " + notAnOrg)) {
            HttpResponse<String> response = post(INITIALIZE, authorization, null);
            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(authorization).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer realm=\"mcp-config\"")
                            .contains("resource_metadata=\"" + metadataUrl() + "\""));
        }
        assertThat(post(INITIALIZE, "Bearer " + expired, null).headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"").contains("xpired");
    }

    @Test
    void the_protected_resource_metadata_is_served_without_a_token_and_names_this_resource() throws Exception {
        HttpResponse<String> doc = http.send(HttpRequest.newBuilder(metadataUrl()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(doc.body()).contains("\"resource\":\"" + server.endpoint() + "\"").contains("\"bearer_methods_supported\":[\"header\"]");
        URI bare = server.endpoint().resolve("/.well-known/oauth-protected-resource");
        assertThat(http.send(HttpRequest.newBuilder(bare).GET().build(), HttpResponse.BodyHandlers.ofString()).body())
                .as("the root well-known path (clients fall back to it)").contains("\"resource\":\"" + server.endpoint() + "\"");
        assertThat(http.send(HttpRequest.newBuilder(metadataUrl()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }

    @Test
    void a_configured_resource_and_issuer_refuse_tokens_for_another_audience_or_issuer() throws Exception {
        URI resource = URI.create("https://mcp.example.com/mcp");
        McpServerConfig config = McpServerConfig.withSecret(0, Fixtures.SECRET).withAuthorization(new AuthorizationConfig(
                resource, "https://login.example.com", com.nimbusds.jose.JWSAlgorithm.HS256,
                List.of(URI.create("https://login.example.com")), List.of("mcp:read")));
        try (McpConfigServer strict = McpConfigServer.start(config, SOURCE)) {
            HttpResponse<String> ok = post(strict.endpoint(), INITIALIZE,
                    "Bearer " + Fixtures.token("acme", resource.toString(), "https://login.example.com"), null);
            assertThat(ok.statusCode()).isEqualTo(200);
            for (String bad : List.of(Fixtures.token("acme", "https://other.example.com/api", "https://login.example.com"),
                    Fixtures.token("acme", resource.toString(), "https://evil.example.com"), Fixtures.token("acme"))) {
                HttpResponse<String> refused = post(strict.endpoint(), INITIALIZE, "Bearer " + bad, null);
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow())
                        .contains("resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"")
                        .contains("invalid_token");
            }
            URI metadata = strict.endpoint().resolve("/.well-known/oauth-protected-resource/mcp");
            assertThat(http.send(HttpRequest.newBuilder(metadata).GET().build(), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("\"resource\":\"https://mcp.example.com/mcp\"")
                    .contains("\"authorization_servers\":[\"https://login.example.com\"]")
                    .contains("\"scopes_supported\":[\"mcp:read\"]");
        }
    }

    private static URI metadataUrl() {
        return server.endpoint().resolve("/.well-known/oauth-protected-resource/mcp");
    }

    @Test
    void a_session_of_one_org_used_with_another_orgs_token_is_not_found() throws Exception {
        HttpResponse<String> init = post(INITIALIZE, "Bearer " + token("acme"), null);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", "Bearer " + token("acme"), session);

        HttpResponse<String> own = post(LIST_PROMPTS, "Bearer " + token("acme"), session);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"p\"");

        HttpResponse<String> foreign = post(LIST_PROMPTS, "Bearer " + token("globex"), session);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("\"p\"").doesNotContain("acme");
    }

    @Test
    void foreign_hosts_and_origins_are_refused_before_the_token_is_looked_at() throws Exception {
        // java.net.http does not let a caller set Host: send it through a plain socket instead.
        assertThat(rawStatus("evil.example")).isEqualTo(421);
        HttpResponse<String> badOrigin = http.send(request(INITIALIZE, "", null).header("Origin", "http://evil.example").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badOrigin.statusCode()).isEqualTo(403);
    }

    private int rawStatus(String host) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            byte[] body = INITIALIZE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String head = "POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nAuthorization: Bearer " + token("acme")
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private HttpResponse<String> post(String body, String authorization, String session) throws Exception {
        return post(server.endpoint(), body, authorization, session);
    }

    private HttpResponse<String> post(URI endpoint, String body, String authorization, String session) throws Exception {
        return http.send(request(endpoint, body, authorization, session).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String body, String authorization, String session) {
        return request(server.endpoint(), body, authorization, session);
    }

    private HttpRequest.Builder request(URI endpoint, String body, String authorization, String session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!authorization.isEmpty()) {
            b.header("Authorization", authorization);
        }
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return b;
    }
}
