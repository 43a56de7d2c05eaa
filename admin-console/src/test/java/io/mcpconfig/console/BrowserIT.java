package io.mcpconfig.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpconfig.console.internal.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console in a real headless Chromium (Debian's, driven by playwright-core) on the real
 * pipeline: an editor of acme logs in through OpenID Connect, overrides code_review's template, sees
 * the pushed confirmation, a real MCP client of acme gets the new text, the editor rolls back, the
 * audit shows both changes with the editor's name; a viewer sees no save button and the API
 * refuses their write. Screenshots of each page go to target/screenshots/.
 */
class BrowserIT {
    static final Duration WAIT = Duration.ofSeconds(90);
    static ConsoleFixture fixture;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ConsoleFixture();
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void an_editor_overrides_a_template_sees_it_served_rolls_it_back_and_finds_both_in_the_audit() throws Exception {
        String base = fixture.base();
        try (McpClientOfOrg acme = new McpClientOfOrg(fixture.mcpServer.endpoint(), ConsoleFixture.MCP_SECRET, "acme")) {
            String original = acme.render("code_review", Map.of("code", "x = 1"));
            assertThat(original).startsWith("You review code at Acme.");

            browser.context("erin");
            fixture.issuer.nextLogin("erin", "editor", List.of("acme"));
            browser.go(base + "/orgs");
            assertThat(browser.url()).as("back from the issuer, logged in").isEqualTo(base + "/orgs");
            browser.waitText("erin (editor of acme)");
            browser.waitFor("link", "Acme Corporation");
            browser.press("Tab");
            assertThat(browser.focused()).as("the first Tab reaches the skip link").isEqualTo("Skip to content");
            browser.screenshot("orgs");

            browser.click("link", "Acme Corporation");
            browser.waitFor("table", "Prompts");
            assertThat(browser.bodyText()).contains("overridden").contains("inherited");
            browser.screenshot("org");

            browser.click("link", "Edit code_review");
            browser.waitFor("textbox", "template");
            browser.fill("template", "Acme v3: review this {{language}} change.\n{{code}}");
            browser.waitText("Template is valid.");
            browser.waitText("Acme v3: review this <language> change.");
            browser.fill("Sample language", "Kotlin");
            browser.waitText("Acme v3: review this Kotlin change.");
            browser.fill("template", "Acme v3: review this {{lang}} change.\n{{code}}");
            browser.waitText("line 1");
            browser.fill("template", "Acme v3: review this {{language}} change.\n{{code}}");
            browser.waitText("Template is valid.");
            browser.screenshot("edit");
            browser.click("button", "Save");
            browser.waitText("In mcpconfig.views after");
            browser.screenshot("saved");
            String confirmation = browser.bodyText();
            assertThat(confirmation).containsPattern("In mcpconfig\\.views after \\d+ ms");

            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(acme.render("code_review", Map.of("code", "x = 1"))).startsWith("Acme v3: review this"));

            browser.go(base + "/scopes/acme/prompts/history?key=code_review");
            JsonNode versions = Json.MAPPER.readTree(browser.fetch("GET", base + "/api/scopes/acme/prompts/item/history?key=code_review",
                    Map.of(), null).path("body").asText());
            long previous = versions.get(versions.size() - 2).get("version").asLong();
            browser.waitText("erin");
            browser.click("button", "Roll back to version " + previous);
            browser.waitFor("button", "Confirm rollback to v" + previous);
            assertThat(browser.bodyText()).contains("Acme v3: review this");
            browser.screenshot("rollback-confirm");
            browser.click("button", "Confirm rollback to v" + previous);
            browser.waitText("In mcpconfig.views after");
            browser.screenshot("history");

            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(acme.render("code_review", Map.of("code", "x = 1"))).isEqualTo(original));
        }

        await().atMost(WAIT).untilAsserted(() -> {
            browser.go(base + "/audit?scope=acme&key=code_review&actor=erin");
            String audit = browser.bodyText();
            assertThat(audit.split("erin", -1).length - 1).as("both changes by erin (and the header)").isGreaterThanOrEqualTo(3);
        });
        browser.screenshot("audit");

        for (String page : List.of("defaults", "status", "bundles")) {
            browser.go(base + "/" + page);
            browser.screenshot(page);
        }
        browser.go(base + "/api/docs");
        browser.waitText("mcp-config admin API");
        browser.screenshot("api-docs");
        browser.viewport(390, 800);
        browser.go(base + "/orgs/acme");
        browser.waitFor("table", "Prompts");
        browser.screenshot("org-narrow");
        browser.viewport(1280, 800);
    }

    @Test
    void a_viewer_sees_no_save_button_and_the_api_refuses_their_write() throws Exception {
        String base = fixture.base();
        browser.context("victor");
        fixture.issuer.nextLogin("victor", "viewer", List.of());
        browser.go(base + "/scopes/acme/prompts/edit?key=code_review");
        browser.waitFor("textbox", "template");
        browser.waitText("victor (viewer)");
        assertThat(browser.count("button", "Save")).isZero();
        assertThat(browser.count("switch", "Active: code_review")).isZero();
        browser.screenshot("viewer-edit");

        JsonNode write = browser.fetch("PATCH", base + "/api/scopes/acme/prompts/item?key=code_review",
                Map.of("Content-Type", "application/json"), "{\"title\":\"viewer was here\"}");
        assertThat(write.get("status").asInt()).as("no CSRF token: refused").isEqualTo(403);
        Http viewerApi = Http.bearer(base, fixture.issuer.token("victor", "viewer", List.of(), Duration.ofHours(1)));
        Http.Answer refused = viewerApi.send("PATCH", "/api/scopes/acme/prompts/item?key=code_review", "{\"title\":\"viewer was here\"}", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("viewers only read");
    }
}
