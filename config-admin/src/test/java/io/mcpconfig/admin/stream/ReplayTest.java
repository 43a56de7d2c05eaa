package io.mcpconfig.admin.stream;

import static io.mcpconfig.admin.stream.Events.commit;
import static io.mcpconfig.admin.stream.Events.defaultPrompt;
import static io.mcpconfig.admin.stream.Events.defaultUpsert;
import static io.mcpconfig.admin.stream.Events.org;
import static io.mcpconfig.admin.stream.Events.override;
import static io.mcpconfig.admin.stream.Events.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.ConfigTable;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.ViewPrompt;
import org.junit.jupiter.api.Test;

class ReplayTest {
    private final Replay replay = new Replay();

    private void feed(ChangeEvent... events) {
        for (ChangeEvent e : events) {
            replay.accept(e.getScope(), e);
        }
    }

    private static String template(OrgView view, String name) {
        return view.getPrompts().stream().filter(p -> p.getName().equals(name)).map(ViewPrompt::getTemplate)
                .findFirst().orElse(null);
    }

    @Test
    void a_transaction_applies_only_at_its_commit_and_the_org_inherits_the_defaults() {
        feed(defaultUpsert(defaultPrompt("greet", "Hello", 1), 10, 0));
        assertThat(replay.defaultsView()).isNull(); // not committed yet
        feed(commit(Scopes.DEFAULTS, 10, 1),
                row("acme", ChangeOp.INSERT, ConfigTable.ORGANIZATION, "acme", null, org("acme", true, 1), 1, 20, 0),
                commit("acme", 20, 1));
        OrgView acme = replay.orgView("acme");
        assertThat(template(acme, "greet")).isEqualTo("Hello");
        assertThat(acme.getRevision()).isEqualTo(20);

        feed(row("acme", ChangeOp.INSERT, ConfigTable.ORGANIZATION_PROMPT, "greet", null, override("acme", "greet", "Yo", 1), 1, 30, 0),
                commit("acme", 30, 1));
        assertThat(template(replay.orgView("acme"), "greet")).isEqualTo("Yo");
        feed(defaultUpsert(defaultPrompt("greet", "Hello v2", 2), 40, 0), commit(Scopes.DEFAULTS, 40, 1));
        assertThat(template(replay.orgView("acme"), "greet")).isEqualTo("Yo");
        assertThat(replay.orgView("acme").getRevision()).isEqualTo(40); // the newer of the two scopes' commits
        assertThat(template(replay.defaultsView(), "greet")).isEqualTo("Hello v2");
    }

    @Test
    void an_incomplete_transaction_applies_nothing_and_a_replayed_one_applies_once() {
        feed(defaultUpsert(defaultPrompt("a", "A", 1), 10, 0), commit(Scopes.DEFAULTS, 10, 2)); // seq 1 never came
        assertThat(replay.defaultsView()).isNull();
        assertThat(replay.incompleteTransactions()).isEqualTo(1);

        feed(defaultUpsert(defaultPrompt("a", "A", 1), 20, 0), commit(Scopes.DEFAULTS, 20, 1));
        feed(row(Scopes.DEFAULTS, ChangeOp.DELETE, ConfigTable.DEFAULT_PROMPT, "a", defaultPrompt("a", "A", 1), null, 2, 30, 0),
                commit(Scopes.DEFAULTS, 30, 1));
        assertThat(replay.defaultsView().getPrompts()).isEmpty();
        // At-least-once: the transaction at LSN 20 arrives again; it must not bring 'a' back.
        feed(defaultUpsert(defaultPrompt("a", "A", 1), 20, 0), commit(Scopes.DEFAULTS, 20, 1));
        assertThat(replay.defaultsView().getPrompts()).isEmpty();
    }

    @Test
    void a_snapshot_replaces_the_scope_and_a_deleted_org_has_no_view() {
        feed(row("acme", ChangeOp.INSERT, ConfigTable.ORGANIZATION, "acme", null, org("acme", true, 1), 1, 10, 0),
                row("acme", ChangeOp.INSERT, ConfigTable.ORGANIZATION_PROMPT, "old", null, override("acme", "old", "Old", 1), 1, 10, 1),
                commit("acme", 10, 2), commit(Scopes.DEFAULTS, 10, 0));
        assertThat(template(replay.orgView("acme"), "old")).isEqualTo("Old");
        feed(row("acme", ChangeOp.SNAPSHOT, ConfigTable.ORGANIZATION, "acme", null, org("acme", true, 1), 1, 50, 0),
                commit("acme", 50, 1));
        assertThat(replay.orgView("acme").getPrompts()).isEmpty(); // the snapshot did not have 'old'
        feed(row("acme", ChangeOp.DELETE, ConfigTable.ORGANIZATION, "acme", org("acme", true, 1), null, 2, 60, 0),
                commit("acme", 60, 1));
        assertThat(replay.orgView("acme")).isNull();
        assertThat(replay.liveScopes()).containsExactly(Scopes.DEFAULTS);
    }

    @Test
    void events_the_shared_event_check_rejects_are_skipped() {
        ChangeEvent wrongScope = row("acme", ChangeOp.INSERT, ConfigTable.DEFAULT_PROMPT, "x", null, defaultPrompt("x", "X", 1), 1, 10, 0);
        feed(wrongScope, row("acme", ChangeOp.INSERT, ConfigTable.ORGANIZATION, "acme", null, org("acme", true, 1), 1, 10, 1),
                commit("acme", 10, 2), commit(Scopes.DEFAULTS, 10, 0));
        assertThat(replay.skipped()).isEqualTo(1);
        assertThat(replay.orgView("acme").getPrompts()).isEmpty();
        replay.accept("globex", commit("acme", 11, 0)); // key differs from scope
        assertThat(replay.skipped()).isEqualTo(2);
    }
}
