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
        SOURCE.put(new OrgContent(Scopes.DEFAULTS, 1, List.of(Fixtures.prompt("p", "t")), List.of()));
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
                    challenge -> assertThat(challenge).startsWith("Bearer realm=\"mcp-config\""));
        }
        assertThat(post(INITIALIZE, "Bearer " + expired, null).headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"").contains("xpired");
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
        return http.send(request(body, authorization, session).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String body, String authorization, String session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.endpoint())
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
