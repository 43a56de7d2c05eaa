package io.mcpconfig.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Orgs, prompts and resources through the API on a real PostgreSQL: provenance, versions, actors, refusals. */
class ItemsIT {
    private static final Actor ALICE = new Actor("alice@example.com");
    private static final Actor BOB = new Actor("bob@example.com");
    private static TestDatabase db;
    private static ConfigAdmin admin;

    @BeforeAll
    static void setUp() throws Exception {
        db = new TestDatabase("items");
        admin = db.admin;
        admin.prompts().set(ALICE, Scope.DEFAULTS, "review", Map.of(
                "title", text("Review"),
                "template", text("Review {{code}} in {{lang}}"),
                "arguments", json("[{\"name\":\"code\",\"required\":true},{\"name\":\"lang\"}]")), 0L);
    }

    private static JsonNode text(String s) {
        return TextNode.valueOf(s);
    }

    private static JsonNode json(String s) {
        try {
            return Fields.JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void orgs_are_listed_with_search_overrides_and_last_change() {
        admin.orgs().add(ALICE, "globex", "Globex Corporation");
        admin.orgs().add(ALICE, "initech", "Initech");
        admin.prompts().set(BOB, Scope.org("globex"), "review", Map.of("title", text("Globex review")), null);

        List<Org> found = admin.orgs().list("CORP");
        assertThat(found).extracting(Org::id).containsExactly("globex");
        assertThat(found.get(0).overrides()).isEqualTo(1);
        assertThat(found.get(0).lastActor()).isEqualTo(BOB.name());
        assertThat(found.get(0).lastChange()).isNotNull();
        assertThatThrownBy(() -> admin.orgs().add(BOB, "globex", "again"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.currentOrg().displayName()).isEqualTo("Globex Corporation"));
    }

    @Test
    void contents_is_the_org_and_both_lists_in_one_read() {
        admin.orgs().add(ALICE, "soylent", "Soylent");
        admin.prompts().set(BOB, Scope.org("soylent"), "review", Map.of("title", text("Soylent review")), 0L);
        admin.resources().set(BOB, Scope.org("soylent"), "docs://soylent", Map.of("name", text("Soylent docs"),
                "text", text("hello")), 0L);

        ScopeContents page = admin.contents(Scope.org("soylent"));
        assertThat(page.org()).isEqualTo(admin.orgs().get("soylent"));
        assertThat(page.prompts()).isEqualTo(admin.prompts().list(Scope.org("soylent")));
        assertThat(page.resources()).isEqualTo(admin.resources().list(Scope.org("soylent")));
        assertThat(page.resources()).extracting(Item::key).contains("docs://soylent");

        ScopeContents defaults = admin.contents(Scope.DEFAULTS);
        assertThat(defaults.org()).isNull();
        assertThat(defaults.prompts()).isEqualTo(admin.prompts().list(Scope.DEFAULTS));
        assertThatThrownBy(() -> admin.contents(Scope.org("nobody"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_override_shows_per_field_provenance_and_unset_returns_to_inherited() {
        admin.orgs().add(ALICE, "acme", "Acme");
        Item item = admin.prompts().set(BOB, Scope.org("acme"), "review", Map.of("title", text("Acme review")), 0L);
        assertThat(item.version()).isEqualTo(1);
        assertThat(item.field("title")).isEqualTo(new FieldValue(text("Acme review"), Provenance.OVERRIDDEN));
        assertThat(item.field("template").provenance()).isEqualTo(Provenance.INHERITED);
        assertThat(item.field("template").value().asText()).isEqualTo("Review {{code}} in {{lang}}");
        assertThat(item.served()).isTrue();
        assertThat(item.updatedBy()).isEqualTo(BOB.name());

        Item unset = admin.prompts().unset(ALICE, Scope.org("acme"), "review", Set.of("title"), 1L);
        assertThat(unset.field("title")).isEqualTo(new FieldValue(text("Review"), Provenance.INHERITED));
        assertThat(unset.version()).isEqualTo(2);
        assertThat(unset.updatedBy()).isEqualTo(ALICE.name());
    }

    @Test
    void a_write_based_on_an_old_version_conflicts_and_carries_the_current_item() {
        admin.orgs().add(ALICE, "hooli", "Hooli");
        admin.prompts().set(ALICE, Scope.org("hooli"), "review", Map.of("title", text("one")), 0L);
        admin.prompts().set(BOB, Scope.org("hooli"), "review", Map.of("title", text("two")), 1L);

        assertThatThrownBy(() -> admin.prompts().set(ALICE, Scope.org("hooli"), "review", Map.of("title", text("three")), 1L))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.currentVersion()).isEqualTo(2);
                    assertThat(e.currentItem().field("title").value().asText()).isEqualTo("two");
                    assertThat(e.currentItem().updatedBy()).isEqualTo(BOB.name());
                });
        assertThat(admin.prompts().get(Scope.org("hooli"), "review").field("title").value().asText()).isEqualTo("two");
    }

    @Test
    void a_template_using_an_undeclared_variable_is_refused_with_the_line_and_nothing_is_written() throws Exception {
        long history = db.count("SELECT count(*) FROM config_history");
        assertThatThrownBy(() -> admin.prompts().set(ALICE, Scope.DEFAULTS, "review",
                Map.of("template", text("Review {{code}}\nin {{langauge}}")), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("review");
                    assertThat(p.field()).isEqualTo("template");
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.reason()).contains("langauge");
                }));
        assertThat(db.count("SELECT count(*) FROM config_history")).isEqualTo(history);
    }

    @Test
    void a_default_change_that_breaks_an_org_override_is_refused_naming_the_org() {
        admin.orgs().add(ALICE, "umbrella", "Umbrella");
        admin.prompts().set(ALICE, Scope.DEFAULTS, "fix", Map.of("template", text("Fix {{bug}}"),
                "arguments", json("[{\"name\":\"bug\",\"required\":true},{\"name\":\"style\"}]")), 0L);
        admin.prompts().set(ALICE, Scope.org("umbrella"), "fix", Map.of("template", text("Fix {{bug}} in {{style}} style")), 0L);

        assertThatThrownBy(() -> admin.prompts().set(ALICE, Scope.DEFAULTS, "fix",
                Map.of("arguments", json("[{\"name\":\"bug\",\"required\":true}]")), 1L))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.scope()).isEqualTo(Scope.org("umbrella"));
                            assertThat(p.reason()).contains("style");
                        }));
        assertThat(admin.prompts().get(Scope.DEFAULTS, "fix").version()).isEqualTo(1);
    }

    @Test
    void org_only_items_toggles_deletes_and_the_impact_count() {
        admin.orgs().add(ALICE, "stark", "Stark");
        admin.orgs().add(ALICE, "wayne", "Wayne");
        Item own = admin.resources().set(ALICE, Scope.org("stark"), "config://stark/notes",
                Map.of("text", text("notes"), "mimeType", text("text/markdown")), 0L);
        assertThat(own.field("text").provenance()).isEqualTo(Provenance.ORG_ONLY);
        assertThat(own.defaultVersion()).isNull();

        int before = admin.prompts().inheritors("review", Set.of("template"));
        int titleBefore = admin.prompts().inheritors("review", Set.of("title"));
        admin.prompts().set(ALICE, Scope.org("stark"), "review", Map.of("template", text("Stark {{code}}")), null);
        assertThat(admin.prompts().inheritors("review", Set.of("template"))).isEqualTo(before - 1);
        assertThat(admin.prompts().inheritors("review", Set.of("title"))).isEqualTo(titleBefore);

        Item off = admin.prompts().set(ALICE, Scope.org("wayne"), "review", Map.of("active", BooleanNode.FALSE), null);
        assertThat(off.served()).isFalse();
        admin.prompts().delete(ALICE, Scope.org("wayne"), "review", off.version());
        Item back = admin.prompts().get(Scope.org("wayne"), "review");
        assertThat(back.served()).isTrue();
        assertThat(back.hasRow()).isFalse();

        Org disabled = admin.orgs().setActive(BOB, "wayne", false, null);
        assertThat(disabled.active()).isFalse();
        assertThat(admin.prompts().get(Scope.org("wayne"), "review").omittedReason()).contains("inactive");
    }

    @Test
    void history_diff_and_rollback_as_a_new_version() throws Exception {
        admin.orgs().add(ALICE, "cyberdyne", "Cyberdyne");
        Scope cy = Scope.org("cyberdyne");
        admin.prompts().set(ALICE, cy, "review", Map.of("title", text("v1")), 0L);
        admin.prompts().set(BOB, cy, "review", Map.of("title", text("v2"), "template", text("v2 {{code}}")), 1L);

        List<ItemVersion> versions = admin.history().versions(Kind.PROMPT, cy, "review");
        assertThat(versions).extracting(ItemVersion::version).containsExactly(1L, 2L);
        assertThat(versions.get(1).actor()).isEqualTo(BOB.name());
        assertThat(versions.get(1).changed()).containsExactly("title", "template");
        assertThat(admin.history().diff(Kind.PROMPT, cy, "review", 1, 2))
                .containsExactly(new FieldChange("title", text("v1"), text("v2")), new FieldChange("template", null, text("v2 {{code}}")));

        assertThatThrownBy(() -> admin.history().rollback(ALICE, Kind.PROMPT, cy, "review", 1, 1L))
                .isInstanceOf(ConflictException.class);
        Item rolled = admin.history().rollback(ALICE, Kind.PROMPT, cy, "review", 1, 2L).orElseThrow();
        assertThat(rolled.version()).isEqualTo(3);
        assertThat(rolled.field("title").value().asText()).isEqualTo("v1");
        assertThat(rolled.field("template").provenance()).isEqualTo(Provenance.INHERITED);
        assertThat(db.string("SELECT actor FROM config_history WHERE scope = 'cyberdyne' AND version = 3")).isEqualTo(ALICE.name());
    }

    @Test
    void render_is_what_the_org_is_served_and_names_a_missing_argument() {
        admin.orgs().add(ALICE, "tyrell", "Tyrell");
        admin.prompts().set(ALICE, Scope.org("tyrell"), "review", Map.of("template", text("Tyrell: {{code}} <{{lang}}>")), 0L);
        assertThat(admin.render("tyrell", "review", Map.of("code", "x & y", "secret", "s")).text()).isEqualTo("Tyrell: x & y <>");
        assertThat(admin.render(null, "review", Map.of("code", "c", "lang", "Go")).text()).isEqualTo("Review c in Go");
        assertThatThrownBy(() -> admin.render("tyrell", "review", Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("'code'"));
        assertThatThrownBy(() -> admin.render("nope", "review", Map.of())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_bad_field_or_value_is_refused_naming_it() {
        assertThatThrownBy(() -> admin.prompts().set(ALICE, Scope.DEFAULTS, "review", Map.of("colour", text("red")), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("colour").contains("template"));
        assertThatThrownBy(() -> admin.prompts().set(ALICE, Scope.DEFAULTS, "review", Map.of("active", text("yes")), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("active"));
        assertThatThrownBy(() -> admin.prompts().set(ALICE, Scope.DEFAULTS, "Bad Name!", Map.of("template", text("x")), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("prompt_name_must_be"));
    }
}
