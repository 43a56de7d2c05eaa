package io.mcpconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.admin.db.DemoData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin commands as a user runs them (in-process entry point, captured output) on a real PostgreSQL. */
class AdminCommandsIT {
    private static TestDb db;
    private static Cli alice;
    private static Cli bob;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        db = new TestDb("cli_admin");
        try (Connection c = db.connect()) {
            DemoData.load(c);
        }
        alice = new Cli(db.environment("alice"));
        bob = new Cli(db.environment("bob"));
    }

    @Test
    void list_and_show_say_per_field_what_is_inherited_and_what_is_overridden() {
        Cli.Result list = alice.run("prompts", "list", "--org", "acme");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("code_review\\s+\\d+\\s+yes\\s+\\S*template");

        Cli.Result show = alice.run("prompts", "show", "code_review", "--org", "acme");
        assertThat(show.out()).containsPattern("template\\s+overridden").containsPattern("arguments\\s+inherited");
    }

    @Test
    void set_refuses_a_bad_template_with_the_line_exit_2_and_a_stale_version_conflicts_exit_1() throws Exception {
        Files.writeString(dir.resolve("t.txt"), "Explain {{error}}\nnow {{eror}}");
        Cli.Result bad = alice.run("prompts", "set", "explain_error", "--org", "globex", "--template", "@" + dir.resolve("t.txt"));
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("org globex, prompt explain_error, template line 2: uses 'eror', which no argument declares");

        assertThat(alice.run("prompts", "set", "explain_error", "--org", "globex", "--title", "One", "--if-version", "0").exitCode()).isZero();
        Cli.Result stale = bob.run("prompts", "set", "explain_error", "--org", "globex", "--title", "Two", "--if-version", "0");
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.err()).contains("conflict").contains("exists already");
    }

    @Test
    void validate_reports_a_template_broken_by_plain_sql_and_exits_1() throws Exception {
        assertThat(alice.run("validate", "--all").exitCode()).as("the demo data validates clean").isZero();
        db.exec("INSERT INTO organization (id, display_name) VALUES ('broken', 'Broken')");
        db.exec("INSERT INTO organization_prompt (org_id, name, template) VALUES ('broken', 'summarize_document', '{{#text}}open')");
        Cli.Result r = alice.run("validate", "--org", "broken");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("org broken, prompt summarize_document, template line 1").contains("1 problem(s)");
        db.exec("DELETE FROM organization WHERE id = 'broken'");
    }

    @Test
    void an_import_with_one_bad_template_applies_nothing_and_names_the_item_and_line() throws Exception {
        Path bundle = dir.resolve("bad.yaml");
        Files.writeString(bundle, """
                mcpconfig: bundle/1
                coverage: orgs
                orgs:
                - id: newco
                  displayName: NewCo
                  active: true
                  prompts:
                  - name: code_review
                    title: NewCo review
                  - name: explain_error
                    template: |-
                      Explain {{error}}
                      with {{contxt}}
                  resources: []
                """);
        long history = db.count("SELECT count(*) FROM config_history");
        Cli.Result r = alice.run("import", bundle.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("org newco, prompt explain_error, template line 2: uses 'contxt'");
        assertThat(db.count("SELECT count(*) FROM config_history")).isEqualTo(history);
        assertThat(db.count("SELECT count(*) FROM organization WHERE id = 'newco'")).isZero();
    }

    @Test
    void a_dry_run_prints_the_plan_and_writes_nothing() throws Exception {
        Path bundle = dir.resolve("acme.yaml");
        assertThat(alice.run("export", "--org", "acme", "-o", bundle.toString()).exitCode()).isZero();
        Files.writeString(bundle, Files.readString(bundle).replace("displayName: Acme Corporation", "displayName: Acme Inc."));
        long history = db.count("SELECT count(*) FROM config_history");

        Cli.Result dry = alice.run("import", bundle.toString(), "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("update org acme").contains("displayName: Acme Corporation -> Acme Inc.")
                .contains("dry run: would apply 1 change(s), wrote nothing");
        assertThat(db.count("SELECT count(*) FROM config_history")).isEqualTo(history);
    }

    @Test
    void export_import_into_an_empty_database_export_is_byte_identical_and_twice_writes_nothing() throws Exception {
        Path bundle = dir.resolve("all.yaml");
        assertThat(alice.run("export", "--all", "-o", bundle.toString()).exitCode()).isZero();
        TestDb empty = new TestDb("cli_empty");
        Cli into = new Cli(empty.environment("carol"));

        Cli.Result first = into.run("import", bundle.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("create org acme").contains("create defaults prompt code_review");
        Cli.Result again = into.run("export", "--all");
        assertThat(again.out()).isEqualTo(Files.readString(bundle));

        long history = empty.count("SELECT count(*) FROM config_history");
        Cli.Result second = into.run("import", bundle.toString(), "--prune");
        assertThat(second.out()).contains("nothing to do");
        assertThat(empty.count("SELECT count(*) FROM config_history")).isEqualTo(history);
    }

    @Test
    void a_resource_override_replaces_a_blob_with_text_and_unset_inherits_the_blob_again() throws Exception {
        Files.write(dir.resolve("logo.bin"), new byte[] {1, 2, 3, 4});
        Cli.Result def = alice.run("resources", "set", "config://test/logo", "--name", "logo", "--mime-type", "application/octet-stream",
                "--blob", "@" + dir.resolve("logo.bin"), "--if-version", "0");
        assertThat(def.exitCode()).as(def.err()).isZero();
        assertThat(def.out()).containsPattern("blob\\s+default\\s+\\(4 bytes\\)");

        Cli.Result own = alice.run("resources", "set", "config://test/logo", "--org", "globex", "--text", "no logo", "--mime-type", "text/plain");
        assertThat(own.out()).containsPattern("text\\s+overridden\\s+no logo").containsPattern("blob\\s+overridden\\s+-");

        Cli.Result back = alice.run("resources", "unset", "config://test/logo", "--org", "globex", "--field", "text,mimeType");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out()).containsPattern("blob\\s+inherited\\s+\\(4 bytes\\)").containsPattern("text\\s+unset");
    }

    @Test
    void without_a_database_setting_the_command_says_which_key_to_set_exit_2() {
        Cli.Result r = new Cli(java.util.Map.of()).run("orgs", "list");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).contains("MCPCONFIG_DB_URL").contains("--db-url").doesNotContain("\n");
    }

    @Test
    void every_command_has_help() {
        for (String[] command : new String[][] {{"orgs", "add"}, {"prompts", "set"}, {"resources", "set"}, {"history"},
                {"rollback"}, {"render"}, {"validate"}, {"export"}, {"import"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Cli.Result r = alice.run(args);
            assertThat(r.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(r.out()).contains("Usage: mcpconfig " + String.join(" ", command));
        }
    }
}
