package io.mcpconfig.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpconfig.admin.stream.AuditCursor;
import io.mcpconfig.admin.stream.AuditFormat;
import io.mcpconfig.admin.stream.AuditQuery;
import io.mcpconfig.admin.stream.ChangeLog;
import io.mcpconfig.schemas.config.KafkaSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST API on the real pipeline: each operation, conflicts on stale versions, problem+json for
 * bad input, and each role refused where it must be (tokens from the test OpenID issuer).
 */
class ApiIT {
    static ConsoleFixture fixture;
    static Http admin;
    static Http editor;
    static Http viewer;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ConsoleFixture();
        admin = Http.bearer(fixture.base(), fixture.issuer.token("ada", "admin", List.of(), Duration.ofHours(1)));
        editor = Http.bearer(fixture.base(), fixture.issuer.token("eddie", "editor", List.of("acme"), Duration.ofHours(1)));
        viewer = Http.bearer(fixture.base(), fixture.issuer.token("vera", "viewer", List.of(), Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    static final String ITEM = "/api/scopes/acme/prompts/item?key=code_review";

    @Test
    void orgs_items_with_provenance_and_etags() throws Exception {
        Http.Answer orgs = viewer.get("/api/orgs?q=acm");
        assertThat(orgs.status()).isEqualTo(200);
        assertThat(orgs.json().findValuesAsText("id")).containsExactly("acme");
        assertThat(orgs.json().get(0).get("overrides").asInt()).isPositive();

        Http.Answer item = viewer.get(ITEM);
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.header("ETag")).isEqualTo("\"" + item.json().get("version").asLong() + "\"");
        assertThat(item.json().at("/fields/template/provenance").asText()).isEqualTo("OVERRIDDEN");
        assertThat(item.json().at("/fields/title/provenance").asText()).isEqualTo("INHERITED");

        Http.Answer list = viewer.get("/api/scopes/_defaults/prompts");
        assertThat(list.json().findValuesAsText("key")).contains("code_review", "summarize_document");
        assertThat(viewer.get("/api/whoami").json().get("subject").asText()).isEqualTo("vera");
    }

    @Test
    void a_write_on_a_stale_version_is_a_409_with_the_current_item() throws Exception {
        Http.Answer before = editor.get("/api/scopes/acme/prompts/item?key=explain_error");
        String etag = before.header("ETag");
        Http.Answer first = editor.send("PATCH", "/api/scopes/acme/prompts/item?key=explain_error",
                "{\"title\":\"Explain it, Acme style\"}", etag);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotEqualTo(etag);
        assertThat(first.header("X-Propagation-Watch")).isNotBlank();
        assertThat(first.json().at("/fields/title/provenance").asText()).isEqualTo("OVERRIDDEN");
        assertThat(first.json().get("updatedBy").asText()).isEqualTo("eddie");

        Http.Answer stale = editor.send("PATCH", "/api/scopes/acme/prompts/item?key=explain_error", "{\"title\":\"Again\"}", etag);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.json().at("/current/fields/title/value").asText()).isEqualTo("Explain it, Acme style");
        assertThat(stale.header("ETag")).isEqualTo(first.header("ETag"));

        Http.Answer unset = editor.send("POST", "/api/scopes/acme/prompts/item/unset?key=explain_error",
                "{\"fields\":[\"title\"]}", first.header("ETag"));
        assertThat(unset.status()).as(unset.body()).isEqualTo(200);
        assertThat(unset.json().at("/fields/title/provenance").asText()).isEqualTo("INHERITED");
    }

    @Test
    void history_diff_rollback_render_and_validate() throws Exception {
        String etag = editor.get("/api/scopes/acme/prompts/item?key=summarize_document").header("ETag");
        Http.Answer set = editor.send("PATCH", "/api/scopes/acme/prompts/item?key=summarize_document",
                "{\"template\":\"Acme summary of {{text}} in {{length}}\"}", etag);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonNode versions = viewer.get("/api/scopes/acme/prompts/item/history?key=summarize_document").json();
        assertThat(versions).isNotEmpty();
        JsonNode newest = versions.get(versions.size() - 1);
        assertThat(newest.get("actor").asText()).isEqualTo("eddie");
        assertThat(newest.get("changed").toString()).contains("template");

        Http.Answer render = viewer.send("POST", "/api/render",
                "{\"org\":\"acme\",\"prompt\":\"summarize_document\",\"arguments\":{\"text\":\"T\",\"length\":\"3 lines\"}}", null);
        assertThat(render.status()).as(render.body()).isEqualTo(200);
        assertThat(render.json().get("text").asText()).isEqualTo("Acme summary of T in 3 lines");

        if (versions.size() > 1) {
            long previous = versions.get(versions.size() - 2).get("version").asLong();
            Http.Answer diff = viewer.get("/api/scopes/acme/prompts/item/diff?key=summarize_document&from=" + previous
                    + "&to=" + newest.get("version").asLong());
            assertThat(diff.json().findValuesAsText("field")).contains("template");
        }
        Http.Answer rollback = editor.send("POST", "/api/scopes/acme/prompts/item/rollback?key=summarize_document",
                "{\"toVersion\":" + versions.get(0).get("version").asLong() + "}", set.header("ETag"));
        assertThat(rollback.status()).as(rollback.body()).isIn(200, 204);

        Http.Answer validate = viewer.get("/api/validate?scope=acme");
        assertThat(validate.status()).isEqualTo(200);
        assertThat(validate.json().get("problems")).isEmpty();
    }

    @Test
    void bad_input_is_problem_json_naming_the_field() throws Exception {
        Http.Answer badTemplate = editor.send("PATCH", ITEM, "{\"template\":\"Review {{nope}}\"}", null);
        assertThat(badTemplate.status()).isEqualTo(422);
        assertThat(badTemplate.header("Content-Type")).startsWith("application/problem+json");
        assertThat(badTemplate.json().get("field").asText()).isEqualTo("template");
        assertThat(badTemplate.json().get("problems").get(0).get("line").asInt()).isEqualTo(1);

        Http.Answer unknownField = editor.send("PATCH", ITEM, "{\"colour\":\"red\"}", null);
        assertThat(unknownField.status()).isIn(400, 422);
        assertThat(unknownField.json().get("detail").asText()).contains("colour");

        Http.Answer notJson = editor.send("PATCH", ITEM, "{not json", null);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("field").asText()).isEqualTo("body");

        Http.Answer noKey = viewer.get("/api/scopes/acme/prompts/item");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("field").asText()).isEqualTo("key");

        Http.Answer badKind = viewer.get("/api/scopes/acme/tools");
        assertThat(badKind.json().get("field").asText()).isEqualTo("kind");

        Http.Answer badEtag = editor.send("PATCH", ITEM, "{\"title\":\"x\"}", "latest");
        assertThat(badEtag.status()).isEqualTo(400);
        assertThat(badEtag.json().get("field").asText()).isEqualTo("If-Match");

        Http.Answer badSince = viewer.get("/api/audit?since=yesterday");
        assertThat(badSince.json().get("field").asText()).isEqualTo("since");

        assertThat(viewer.get("/api/scopes/acme/prompts/item?key=no_such_prompt").status()).isEqualTo(404);
    }

    @Test
    void each_role_is_refused_where_it_must_be() throws Exception {
        Http.Answer viewerWrites = viewer.send("PATCH", ITEM, "{\"title\":\"v\"}", null);
        assertThat(viewerWrites.status()).isEqualTo(403);
        assertThat(viewerWrites.json().get("detail").asText()).contains("vera");

        Http.Answer otherOrg = editor.send("PATCH", "/api/scopes/globex/prompts/item?key=code_review", "{\"title\":\"e\"}", null);
        assertThat(otherOrg.status()).isEqualTo(403);
        assertThat(otherOrg.json().get("detail").asText()).contains("globex");

        Http.Answer editorDefault = editor.send("PATCH", "/api/scopes/_defaults/prompts/item?key=code_review", "{\"title\":\"e\"}", null);
        assertThat(editorDefault.status()).isEqualTo(403);
        assertThat(editorDefault.json().get("detail").asText()).contains("defaults");

        Http.Answer editorImport = editor.send("POST", "/api/bundles/apply", "{}", null);
        assertThat(editorImport.status()).isEqualTo(403);
        Http.Answer editorOrgToggle = editor.send("PATCH", "/api/orgs/acme", "{\"active\":false}", null);
        assertThat(editorOrgToggle.status()).isEqualTo(403);

        Http.Answer adminDefault = admin.send("PATCH", "/api/scopes/_defaults/prompts/item?key=explain_error",
                "{\"title\":\"Explain an error (admin)\"}", null);
        assertThat(adminDefault.status()).as(adminDefault.body()).isEqualTo(200);
        Http.Answer inheritors = viewer.get("/api/defaults/prompts/inheritors?key=explain_error&fields=title");
        assertThat(inheritors.json().get("inheritors").asInt()).isPositive();
    }

    @Test
    void expired_missing_and_foreign_tokens_are_401() throws Exception {
        Http expired = Http.bearer(fixture.base(), fixture.issuer.token("old", "admin", List.of(), Duration.ofMinutes(-5)));
        Http.Answer answer = expired.get("/api/orgs");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("detail").asText()).containsIgnoringCase("expired");
        assertThat(Http.bearer(fixture.base(), "not.a.jwt").get("/api/orgs").status()).isEqualTo(401);
        assertThat(Http.session(fixture.base()).get("/api/orgs").status()).isEqualTo(401);
        assertThat(admin.get("/api/openapi.json").json().get("openapi").asText()).startsWith("3.");
        Http anonymous = Http.session(fixture.base());
        for (String asset : List.of("/webjars/htmx.org/2.0.8/dist/htmx.min.js", "/webjars/htmx-ext-sse/2.2.2/sse.js",
                "/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js", "/console/app.css")) {
            assertThat(anonymous.get(asset).status()).as(asset).isEqualTo(200);
        }
    }

    @Test
    void a_session_write_without_the_csrf_token_is_refused() throws Exception {
        fixture.issuer.nextLogin("eddie", "editor", List.of("acme"));
        Http browser = Http.session(fixture.base());
        Http.Answer page = browser.get("/login/oidc?return=/orgs");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("eddie (editor of acme)");

        String path = "/api/scopes/acme/prompts/item?key=explain_error";
        Http.Answer noToken = browser.sendWithCsrf("PATCH", path, "{\"description\":\"csrf\"}", null);
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.json().get("detail").asText()).contains("CSRF");
        Http.Answer wrongToken = browser.sendWithCsrf("PATCH", path, "{\"description\":\"csrf\"}", "forged");
        assertThat(wrongToken.status()).isEqualTo(403);
        Http.Answer withToken = browser.sendWithCsrf("PATCH", path, "{\"description\":\"with the page's token\"}", browser.csrfToken());
        assertThat(withToken.status()).as(withToken.body()).isEqualTo(200);
        assertThat(withToken.json().get("updatedBy").asText()).isEqualTo("eddie");
    }

    @Test
    void bundles_export_and_plan_and_audit_shows_the_writes_with_their_actors() throws Exception {
        Http.Answer export = viewer.get("/api/bundles/export?coverage=acme");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("code_review");
        Http.Answer plan = admin.send("POST", "/api/bundles/plan", export.body(), null);
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        assertThat(plan.json().get("changes")).as("the database holds the bundle: nothing to do").isEmpty();

        editor.send("PATCH", "/api/scopes/acme/prompts/item?key=code_review", "{\"description\":\"audited\"}", null);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode page = viewer.get("/api/audit?scope=acme&actor=eddie&limit=1000").json();
            assertThat(page.get("entries").findValuesAsText("key")).contains("code_review");
        });
        assertThat(viewer.get("/api/status").json().path("views").path("count").asInt()).isPositive();
    }

    @Test
    void the_audit_csv_is_what_the_cli_exports() throws Exception {
        editor.send("PATCH", ITEM, "{\"description\":\"exported\"}", null);
        AuditQuery query = new AuditQuery("acme", null, null, "eddie", null, null, null);
        try (ChangeLog log = ChangeLog.connect(KafkaSettings.of(fixture.kafka.bootstrapServers(), fixture.topics))) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                StringBuilder cli = new StringBuilder(AuditFormat.CSV.header().orElseThrow()).append("\r\n");
                try (AuditCursor cursor = log.audit(query, false)) {
                    while (cursor.hasNext()) {
                        cli.append(AuditFormat.CSV.line(cursor.next())).append("\r\n");
                    }
                }
                assertThat(cli.toString()).contains("exported");
                Http.Answer csv = viewer.get("/audit.csv?scope=acme&actor=eddie");
                assertThat(csv.status()).isEqualTo(200);
                assertThat(csv.body()).isEqualTo(cli.toString());
            });
        }
    }
}
