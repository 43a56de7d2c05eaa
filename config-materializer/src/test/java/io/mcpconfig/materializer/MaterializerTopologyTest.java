package io.mcpconfig.materializer;

import static io.mcpconfig.materializer.ViewAsserts.prompts;
import static io.mcpconfig.materializer.ViewAsserts.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.materializer.internal.MaterializerMetrics;
import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.ConfigTable;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.PromptRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scope transactions, table by table and op by op, through the real topology (TopologyTestDriver). */
class MaterializerTopologyTest {
    @TempDir
    Path stateDir;
    Driver d;

    @BeforeEach
    void start() {
        d = new Driver(stateDir);
        d.send(Tx.defaults(10).prompt("greet", "Hello").prompt("bye", "Bye").resource("file:///a", "A"));
        assertThat(d.emittedKeys()).containsExactly(Scopes.DEFAULTS);
    }

    @AfterEach
    void stop() {
        d.close();
    }

    @Test
    void defaultsViewHoldsTheDefaultsAlone() {
        OrgView v = d.latest(Scopes.DEFAULTS);
        assertThat(prompts(v)).containsExactly(Map.entry("bye", "Bye"), Map.entry("greet", "Hello"));
        assertThat(resources(v)).containsExactly(Map.entry("file:///a", "A"));
        assertThat(v.getRevision()).isEqualTo(10);
        assertThat(v.getUpdatedAt()).isEqualTo(Tx.time(10));
    }

    @Test
    void newOrgGetsDefaultsPlusItsOverrides() {
        d.send(Tx.of("acme", 20).org(true).prompt("greet", "Hi acme").resource("file:///b", "B"));
        List<String> keys = d.emittedKeys();
        assertThat(keys).containsExactly("acme");
        OrgView v = d.latest("acme");
        assertThat(v.getActive()).isTrue();
        assertThat(prompts(v)).containsExactly(Map.entry("bye", "Bye"), Map.entry("greet", "Hi acme"));
        assertThat(resources(v)).containsOnlyKeys("file:///a", "file:///b");
        assertThat(v.getRevision()).isEqualTo(20);
        assertThat(v.getUpdatedAt()).isEqualTo(Tx.time(20));
    }

    @Test
    void overrideUpdateAndDeleteBringTheDefaultBack() {
        d.send(Tx.of("acme", 20).org(true).prompt("greet", "Hi acme"));
        d.emitted();
        Tx update = Tx.of("acme", 21);
        d.send(update.prompt(ChangeOp.UPDATE, update.prompt("greet").setTemplate("Yo").build()));
        assertThat(prompts(d.latest("acme"))).containsEntry("greet", "Yo");
        d.send(Tx.of("acme", 22).deletePrompt("greet"));
        assertThat(d.emittedKeys()).containsExactly("acme");
        assertThat(prompts(d.compacted.get("acme"))).containsEntry("greet", "Hello");
        assertThat(d.latest("acme").getRevision()).isEqualTo(22);
    }

    @Test
    void resourceOverrideUpdateAndDelete() {
        d.send(Tx.of("acme", 20).org(true).resource("file:///a", "mine"));
        assertThat(resources(d.latest("acme"))).containsEntry("file:///a", "mine");
        Tx update = Tx.of("acme", 21);
        d.send(update.resource(ChangeOp.UPDATE, update.resource("file:///a").setActive(false).build()));
        assertThat(resources(d.latest("acme"))).isEmpty();
        d.send(Tx.of("acme", 22).deleteResource("file:///a"));
        assertThat(resources(d.latest("acme"))).containsEntry("file:///a", "A");
    }

    @Test
    void defaultTablesUpdateAndDelete() {
        d.send(Tx.of("acme", 20).org(true));
        d.emitted();
        Tx update = Tx.defaults(30);
        d.send(update.prompt(ChangeOp.UPDATE, update.prompt("greet").setTemplate("Hello v2").setActive(true).build())
                .deleteResource("file:///a"));
        assertThat(d.emittedKeys()).containsExactlyInAnyOrder(Scopes.DEFAULTS, "acme");
        assertThat(prompts(d.compacted.get("acme"))).containsEntry("greet", "Hello v2");
        assertThat(resources(d.compacted.get("acme"))).isEmpty();
        assertThat(resources(d.compacted.get(Scopes.DEFAULTS))).isEmpty();
        assertThat(d.compacted.get("acme").getRevision()).isEqualTo(30);
        assertThat(d.compacted.get("acme").getUpdatedAt()).isEqualTo(Tx.time(30));
    }

    @Test
    void orgLifecycleInactiveThenDeletedThenRecreated() {
        d.send(Tx.of("acme", 20).org(true).prompt("own", "Mine"));
        d.emitted();
        d.send(Tx.of("acme", 21).org(ChangeOp.UPDATE, false));
        OrgView inactive = d.latest("acme");
        assertThat(inactive.getActive()).isFalse();
        assertThat(inactive.getPrompts()).isEmpty();
        assertThat(inactive.getResources()).isEmpty();

        d.send(Tx.of("acme", 22).deletePrompt("own").deleteOrg());
        List<org.apache.kafka.streams.KeyValue<String, OrgView>> out = d.emitted();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key).isEqualTo("acme");
        assertThat(out.get(0).value).isNull();
        assertThat(d.count(MaterializerMetrics.TOMBSTONES_EMITTED)).isEqualTo(1);

        // A default change doesn't resurrect it; a replay of its creation is a duplicate.
        d.send(Tx.defaults(30).prompt("new", "New"));
        assertThat(d.emittedKeys()).containsExactly(Scopes.DEFAULTS);
        d.send(Tx.of("acme", 20).org(true).prompt("own", "Mine"));
        assertThat(d.emittedKeys()).isEmpty();

        // Re-created: defaults only, nothing left of its old overrides.
        d.send(Tx.of("acme", 40).org(true));
        OrgView again = d.latest("acme");
        assertThat(prompts(again)).containsOnlyKeys("bye", "greet", "new");
    }

    @Test
    void rowEventsWithoutCommitShowNothing() {
        d.send(Tx.of("acme", 20).org(true).prompt("greet", "Hi").rowEvents());
        assertThat(d.emittedKeys()).isEmpty();
    }

    @Test
    void interleavedScopesEachApplyWholeAtTheirCommit() {
        Tx a = Tx.of("acme", 20).org(true).prompt("greet", "Hi acme");
        Tx b = Tx.of("beta", 20).org(true).prompt("bye", "Ciao");
        d.sendKeyed("acme", a.rowEvents().get(0)).sendKeyed("beta", b.rowEvents().get(0))
                .sendKeyed("beta", b.rowEvents().get(1)).sendKeyed("acme", a.rowEvents().get(1));
        d.sendKeyed("beta", b.commit());
        assertThat(d.emittedKeys()).containsExactly("beta");
        d.sendKeyed("acme", a.commit());
        assertThat(prompts(d.latest("acme"))).containsEntry("greet", "Hi acme");
        assertThat(prompts(d.latest("beta"))).containsEntry("bye", "Ciao");
    }

    @Test
    void incompleteTransactionIsSkippedWholeAndLaterOnesApply() {
        Tx t = Tx.of("acme", 20).org(true).prompt("greet", "Hi");
        d.sendKeyed("acme", t.rowEvents().get(1)).sendKeyed("acme", t.commit()); // seq 0 lost
        assertThat(d.emittedKeys()).isEmpty();
        assertThat(d.count(MaterializerMetrics.INCOMPLETE_SKIPPED)).isEqualTo(1);
        d.send(Tx.of("acme", 21).org(true));
        assertThat(prompts(d.latest("acme"))).containsEntry("greet", "Hello"); // nothing of tx 20
    }

    @Test
    void bufferedEventsOfATransactionThatCanNoLongerCompleteAreSweptAndTheRestStay() {
        d.send(Tx.of("acme", 20).org(true));
        Tx orphan = Tx.of("acme", 21).prompt("greet", "never committed");
        d.sendKeyed("acme", orphan.rowEvents().get(0)); // its COMMIT never comes
        d.send(Tx.of("acme", 22).prompt("bye", "Ciao")); // a newer transaction applies: 21 can't any more
        Tx open = Tx.of("acme", 23).prompt("help", "pending");
        d.sendKeyed("acme", open.rowEvents().get(0)); // newer than everything applied: may still complete
        assertThat(d.buffered()).isEqualTo(2);

        d.advanceWallClock(java.time.Duration.ofMinutes(6));
        assertThat(d.buffered()).isEqualTo(1);
        d.sendKeyed("acme", open.commit());
        assertThat(prompts(d.latest("acme"))).containsEntry("help", "pending").containsEntry("greet", "Hello");
        assertThat(d.buffered()).isZero();
    }

    @Test
    void sameTransactionTwiceIsAppliedOnce() {
        Tx t = Tx.of("acme", 20).org(true).prompt("greet", "Hi");
        d.send(t).send(t);
        assertThat(d.emittedKeys()).containsExactly("acme");
        assertThat(d.count(MaterializerMetrics.DUPLICATES_SKIPPED)).isEqualTo(1);
        assertThat(d.count(MaterializerMetrics.TRANSACTIONS_APPLIED)).isEqualTo(2); // defaults + acme
    }

    @Test
    void partialThenFullReplayAppliesOnce() {
        Tx t = Tx.of("acme", 20).org(true).prompt("greet", "Hi").prompt("bye", "See you");
        d.send(t.rowEvents().subList(0, 2)); // publisher died here
        d.send(t.events()); // and re-sent everything
        assertThat(d.emittedKeys()).containsExactly("acme");
        assertThat(prompts(d.compacted.get("acme"))).containsEntry("greet", "Hi").containsEntry("bye", "See you");
    }

    @Test
    void olderTransactionAfterNewerIsIgnored() {
        d.send(Tx.of("acme", 20).org(true), Tx.of("acme", 25).prompt("greet", "new"));
        d.emitted();
        d.send(Tx.of("acme", 22).prompt("greet", "old"));
        assertThat(d.emittedKeys()).isEmpty();
        assertThat(prompts(d.compacted.get("acme"))).containsEntry("greet", "new");
        assertThat(d.count(MaterializerMetrics.DUPLICATES_SKIPPED)).isEqualTo(1);
    }

    @Test
    void snapshotReplacesTheScopesRows() {
        d.send(Tx.of("acme", 20).org(true).prompt("greet", "Hi").prompt("own", "Own"));
        d.emitted();
        Tx snap = Tx.of("acme", 50);
        snap.org(ChangeOp.SNAPSHOT, true).prompt(ChangeOp.SNAPSHOT, snap.prompt("own").setTemplate("Own2").build());
        d.send(snap);
        OrgView v = d.latest("acme");
        assertThat(prompts(v)).containsEntry("greet", "Hello").containsEntry("own", "Own2");

        Tx defaultsSnap = Tx.defaults(60);
        defaultsSnap.prompt(ChangeOp.SNAPSHOT, defaultsSnap.prompt("greet").setTemplate("Hello").setActive(true).build());
        d.send(defaultsSnap);
        assertThat(prompts(d.latest(Scopes.DEFAULTS))).containsOnlyKeys("greet");
        assertThat(prompts(d.latest("acme"))).containsOnlyKeys("greet", "own");
        assertThat(resources(d.latest("acme"))).isEmpty();
    }

    @Test
    void fanOutReachesExactlyTheOrgsWhoseViewChanges() {
        d.send(Tx.of("plain", 20).org(true));
        Tx full = Tx.of("full", 21).org(true);
        d.send(full.prompt(ChangeOp.INSERT, full.prompt("greet").setTemplate("Mine").setTitle("t").setDescription("d")
                .setArguments(List.of()).setActive(true).build()));
        d.send(Tx.of("asleep", 22).org(false));
        d.emitted();

        Tx change = Tx.defaults(30);
        d.send(change.prompt(ChangeOp.UPDATE, change.prompt("greet").setTemplate("Hello v2").setTitle("T2")
                .setDescription("D2").setActive(true).build()));
        assertThat(d.emittedKeys()).containsExactlyInAnyOrder(Scopes.DEFAULTS, "plain");
        assertThat(prompts(d.compacted.get("plain"))).containsEntry("greet", "Hello v2");
        assertThat(d.registry.get(MaterializerMetrics.FANOUT_SIZE).summary().max()).isEqualTo(1);
    }

    @Test
    void defaultChangeThatChangesNoContentEmitsNothing() {
        d.send(Tx.of("acme", 20).org(true));
        d.emitted();
        Tx bump = Tx.defaults(30); // a new version with the same content
        d.send(bump.prompt(ChangeOp.UPDATE, bump.prompt("greet").setTemplate("Hello").setTitle("T greet").setActive(true).build()));
        assertThat(d.emittedKeys()).isEmpty();
        // The next real change carries the newest revision: it never goes back.
        d.send(Tx.of("acme", 25).prompt("own", "x"));
        assertThat(d.latest("acme").getRevision()).isEqualTo(30);
    }

    @Test
    void incompleteItemIsLeftOutCountedAndTheRestFlows() {
        Tx t = Tx.of("acme", 20).org(true);
        d.send(t.prompt(ChangeOp.INSERT, t.prompt("orphan").setTitle("no template").build()).prompt("greet", "Hi"));
        OrgView v = d.latest("acme");
        assertThat(prompts(v)).containsOnlyKeys("bye", "greet");
        assertThat(v.getOmitted()).extracting(o -> o.getKey()).containsExactly("orphan");
        assertThat(d.count(MaterializerMetrics.ITEMS_OMITTED)).isEqualTo(1);
    }

    @Test
    void incompleteItemAppearsWhenItsDefaultDoes() {
        Tx t = Tx.of("acme", 20).org(true);
        d.send(t.prompt(ChangeOp.INSERT, t.prompt("later").setTitle("mine").build()));
        d.emitted();
        d.send(Tx.defaults(30).prompt("later", "Default text"));
        assertThat(d.emittedKeys()).containsExactlyInAnyOrder(Scopes.DEFAULTS, "acme");
        assertThat(prompts(d.compacted.get("acme"))).containsEntry("later", "Default text");
        assertThat(d.compacted.get("acme").getOmitted()).isEmpty();
    }

    @Test
    void badRecordsAreSkippedCountedAndNothingStops() {
        d.sendRaw("acme", new byte[] {1, 2, 3});
        d.sendRaw("acme", null);
        Tx wrongKey = Tx.of("acme", 20).org(true);
        d.sendKeyed("other", wrongKey.rowEvents().get(0));
        d.send(Tx.of("_unknown", 21).prompt("greet", "x").rowEvents());
        assertThat(d.count(MaterializerMetrics.RECORDS_SKIPPED)).isEqualTo(4);

        // A row event for a default table in an org scope is skipped; the rest of its transaction applies.
        Tx mixed = Tx.of("acme", 30).org(true).prompt("own", "Own");
        mixed.row(ChangeOp.INSERT, ConfigTable.DEFAULT_PROMPT, "greet",
                PromptRow.newBuilder().setName("greet").setTemplate("hijack").setVersion(1).setUpdatedAt(Tx.time(1)).build());
        d.send(mixed);
        OrgView v = d.latest("acme");
        assertThat(prompts(v)).containsEntry("own", "Own").containsEntry("greet", "Hello");
        assertThat(d.count(MaterializerMetrics.RECORDS_SKIPPED)).isEqualTo(5);
    }
}
