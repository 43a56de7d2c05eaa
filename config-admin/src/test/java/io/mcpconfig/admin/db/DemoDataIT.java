package io.mcpconfig.admin.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import java.sql.Connection;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo data loads, loads again without changing anything, and merges as its comments say. */
class DemoDataIT {
    private static Database db;
    private static ConfigSnapshot config;

    @BeforeAll
    static void load() throws Exception {
        db = new Database("demo");
        try (Connection c = db.connect()) {
            DemoData.load(c);
            long history = db.queryLong("SELECT count(*) FROM config_history");
            DemoData.load(c);
            assertThat(db.queryLong("SELECT count(*) FROM config_history")).as("a second load writes nothing").isEqualTo(history);
            config = ConfigSnapshot.read(c);
        }
    }

    @Test
    void holdsTheSevenPromptsAndSixResourcesServersUsedToHardCode() {
        assertThat(config.defaultPrompts()).hasSize(DemoData.DEFAULT_PROMPTS);
        assertThat(config.defaultResources()).hasSize(DemoData.DEFAULT_RESOURCES);
        assertThat(config.defaultResources().get("config://company/logo.png").getContentBlob().remaining()).isPositive();
        assertThat(config.defaultPrompts().get("code_review").getArguments()).extracting(a -> a.getName())
                .containsExactly("code", "language", "focus");
        assertThat(config.organizations()).containsOnlyKeys("acme", "globex", "initech", "umbrella");
        assertThat(config.defaultPrompts().get("code_review").getUpdatedBy()).isEqualTo(DemoData.ACTOR);
    }

    @Test
    void acmeOverridesATemplateOnlyAndATextOnly() {
        OrgView acme = config.orgView("acme", 1, Instant.EPOCH);
        ViewPrompt review = acme.getPrompts().stream().filter(p -> p.getName().equals("code_review")).findFirst().orElseThrow();
        assertThat(review.getTemplate()).startsWith("You review code at Acme");
        assertThat(review.getTitle()).isEqualTo("Code review");
        assertThat(review.getArguments()).hasSize(3);
        ViewResource guide = acme.getResources().stream().filter(r -> r.getUri().equals("config://company/style-guide")).findFirst().orElseThrow();
        assertThat(guide.getText()).startsWith("# Acme writing style guide");
        assertThat(guide.getMimeType()).isEqualTo("text/markdown");
        assertThat(acme.getPrompts()).hasSize(7);
    }

    @Test
    void draftCustomerReplyIsAChatThatEmbedsEachOrgsOwnSupportPolicy() {
        ViewPrompt acmeDraft = prompt(config.orgView("acme", 1, Instant.EPOCH), "draft_customer_reply");
        assertThat(acmeDraft.getMessages()).extracting(m -> m.getRole() + " " + m.getKind())
                .containsExactly("USER TEXT", "USER RESOURCE", "ASSISTANT TEXT", "USER TEXT");
        assertThat(acmeDraft.getMessages().get(1).getUri()).isEqualTo("config://company/support-policy");
        assertThat(acmeDraft.getTemplate()).isEmpty();
        assertThat(config.orgView("acme", 1, Instant.EPOCH).getResources()).filteredOn(r -> r.getUri().equals("config://company/support-policy"))
                .singleElement().satisfies(r -> assertThat(r.getText()).startsWith("# Acme support policy"));
        assertThat(prompt(config.orgView("globex", 1, Instant.EPOCH), "draft_customer_reply").getContentHash())
                .as("the same prompt everywhere: only the embedded resource differs").isEqualTo(acmeDraft.getContentHash());
        assertThat(config.orgView("acme", 1, Instant.EPOCH).getOmitted()).isEmpty();
    }

    private static ViewPrompt prompt(OrgView view, String name) {
        return view.getPrompts().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void globexSwitchesOneDefaultOffAndAddsItsOwnPrompt() {
        OrgView globex = config.orgView("globex", 1, Instant.EPOCH);
        assertThat(globex.getPrompts()).extracting(ViewPrompt::getName)
                .contains("globex_onboarding").doesNotContain("incident_postmortem").hasSize(7);
    }

    @Test
    void umbrellaIsSuspendedAndServesNothing() {
        OrgView umbrella = config.orgView("umbrella", 1, Instant.EPOCH);
        assertThat(umbrella.getActive()).isFalse();
        assertThat(umbrella.getPrompts()).isEmpty();
    }

    @Test
    void initechRetitlesAPromptAndAddsAResource() {
        OrgView initech = config.orgView("initech", 1, Instant.EPOCH);
        assertThat(initech.getPrompts()).filteredOn(p -> p.getName().equals("summarize_document"))
                .singleElement().extracting(ViewPrompt::getTitle).isEqualTo("TPS report summary");
        assertThat(initech.getResources()).hasSize(7);
        assertThat(config.orgView("nobody", 1, Instant.EPOCH)).isNull();
    }
}
