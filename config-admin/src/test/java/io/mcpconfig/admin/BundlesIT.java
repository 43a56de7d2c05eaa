package io.mcpconfig.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.admin.db.DemoData;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Export, import (plan, dry run, prune, refusal) and the round trip, on the demo data set. */
class BundlesIT {
    private static final Actor ALICE = new Actor("alice@example.com");
    private static TestDatabase demo;

    @BeforeAll
    static void setUp() throws Exception {
        demo = new TestDatabase("bundles_demo");
        try (Connection c = demo.connect()) {
            DemoData.load(c);
        }
    }

    @Test
    void the_demo_data_validates_clean() {
        assertThat(demo.admin.validateAll()).isEmpty();
    }

    @Test
    void export_import_into_an_empty_database_export_is_byte_identical_and_a_second_import_writes_nothing() throws Exception {
        String exported = BundleFormat.toYaml(demo.admin.bundles().exportAll());
        TestDatabase empty = new TestDatabase("bundles_empty");

        Plan first = empty.admin.bundles().apply(ALICE, BundleFormat.parse(exported), false);
        assertThat(first.applied()).isTrue();
        assertThat(first.changes()).isNotEmpty().allMatch(c -> c.op() == PlannedChange.Op.CREATE);
        assertThat(BundleFormat.toYaml(empty.admin.bundles().exportAll())).isEqualTo(exported);

        long history = empty.count("SELECT count(*) FROM config_history");
        Plan second = empty.admin.bundles().apply(ALICE, BundleFormat.parse(exported), true);
        assertThat(second.isEmpty()).isTrue();
        assertThat(empty.count("SELECT count(*) FROM config_history")).isEqualTo(history);
        assertThat(empty.string("SELECT DISTINCT actor FROM config_history")).isEqualTo(ALICE.name());

        String json = BundleFormat.toJson(demo.admin.bundles().exportAll());
        assertThat(BundleFormat.toYaml(BundleFormat.parse(json))).isEqualTo(exported);
    }

    @Test
    void an_import_with_one_bad_template_applies_nothing_and_names_the_item_and_line() throws Exception {
        TestDatabase db = new TestDatabase("bundles_bad");
        String bundle = """
                mcpconfig: bundle/1
                coverage: orgs
                orgs:
                - id: acme
                  displayName: Acme
                  active: true
                  prompts:
                  - name: good
                    template: "Hello {{who}}"
                    arguments:
                    - name: who
                      required: true
                  - name: bad
                    template: |-
                      line one
                      Hello {{whom}}
                    arguments:
                    - name: who
                      required: false
                """;
        assertThatThrownBy(() -> db.admin.bundles().apply(ALICE, BundleFormat.parse(bundle), false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.scope()).isEqualTo(Scope.org("acme"));
                    assertThat(p.key()).isEqualTo("bad");
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.reason()).contains("whom");
                }));
        assertThat(db.count("SELECT count(*) FROM config_history")).isZero();
        assertThat(db.count("SELECT count(*) FROM organization")).isZero();
    }

    @Test
    void a_dry_run_prints_the_plan_field_by_field_and_writes_nothing_and_prune_deletes() throws Exception {
        TestDatabase db = new TestDatabase("bundles_dry");
        db.admin.orgs().add(ALICE, "acme", "Acme");
        db.admin.prompts().set(ALICE, Scope.DEFAULTS, "hello",
                java.util.Map.of("template", com.fasterxml.jackson.databind.node.TextNode.valueOf("Hi")), 0L);
        db.admin.prompts().set(ALICE, Scope.DEFAULTS, "old",
                java.util.Map.of("template", com.fasterxml.jackson.databind.node.TextNode.valueOf("Old")), 0L);
        String bundle = """
                mcpconfig: bundle/1
                coverage: defaults
                defaults:
                  prompts:
                  - name: hello
                    title: Greeting
                    template: Hi
                  resources: []
                """;
        long history = db.count("SELECT count(*) FROM config_history");
        Plan plan = db.admin.bundles().plan(BundleFormat.parse(bundle), true);
        assertThat(plan.applied()).isFalse();
        assertThat(plan.changes()).extracting(PlannedChange::toString)
                .containsExactly("update defaults prompt hello", "delete defaults prompt old");
        assertThat(plan.changes().get(0).fields()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("title");
            assertThat(f.before()).isNull();
            assertThat(f.after().asText()).isEqualTo("Greeting");
        });
        assertThat(db.count("SELECT count(*) FROM config_history")).isEqualTo(history);

        Plan applied = db.admin.bundles().apply(ALICE, BundleFormat.parse(bundle), true);
        assertThat(applied.changes()).hasSize(2);
        assertThat(db.count("SELECT count(*) FROM default_prompt")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM organization")).as("a defaults bundle never prunes orgs").isEqualTo(1);
    }

    @Test
    void a_malformed_bundle_names_every_place() {
        assertThatThrownBy(() -> BundleFormat.parse("""
                mcpconfig: bundle/1
                coverage: orgs
                orgs:
                - id: acme
                  colour: red
                  prompts:
                  - name: p
                    active: "yes"
                """)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                .extracting(Problem::toString)
                .containsExactlyInAnyOrder("orgs[0]: has unknown key 'colour' (allowed: active, displayName, id, prompts, resources)",
                        "org acme, prompt p, active: must be true or false, got \"yes\""));
    }
}
