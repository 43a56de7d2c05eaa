package io.mcpconfig.materializer;

import static io.mcpconfig.materializer.ViewAsserts.prompts;
import static io.mcpconfig.materializer.ViewAsserts.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.OrgView;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * First start: an org's transaction may reach its task before the task has any defaults. No org
 * view may go out until the task's copy of the defaults is initialized (TopologyTestDriver).
 */
class FirstDefaultsTest {
    @TempDir
    Path stateDir;
    Driver d;

    @BeforeEach
    void start() {
        d = new Driver(stateDir);
    }

    @AfterEach
    void stop() {
        d.close();
    }

    @Test
    void anOrgSnapshotBeforeTheDefaultsIsHeldThenEmittedOnceWithThem() {
        Tx acme = Tx.of("acme", 50);
        acme.org(ChangeOp.SNAPSHOT, true).prompt(ChangeOp.SNAPSHOT, acme.prompt("own").setTemplate("Mine").setActive(true).build());
        d.send(acme);
        d.send(Tx.of("acme", 60).prompt("later", "Later")); // still held: applied, not emitted
        assertThat(d.emitted()).isEmpty();

        d.send(Tx.defaults(50).prompt("greet", "Hello").resource("file:///a", "A"));

        List<KeyValue<String, OrgView>> out = d.emitted();
        assertThat(out).extracting(kv -> kv.key).containsExactlyInAnyOrder(Scopes.DEFAULTS, "acme");
        OrgView v = d.compacted.get("acme");
        assertThat(prompts(v)).containsOnlyKeys("greet", "own", "later");
        assertThat(resources(v)).containsOnlyKeys("file:///a");
        assertThat(v.getOmitted()).isEmpty();
        assertThat(v.getRevision()).isEqualTo(60);
    }

    @Test
    void anEmptyDefaultsSnapshotReleasesTheOrgsWithTheirOverridesOnly() {
        d.send(Tx.of("acme", 50).org(true).prompt("own", "Mine"));
        assertThat(d.emitted()).isEmpty();

        d.send(Tx.defaults(50)); // COMMIT with eventCount 0: "no defaults", which is still news

        assertThat(d.emittedKeys()).containsExactlyInAnyOrder(Scopes.DEFAULTS, "acme");
        assertThat(prompts(d.compacted.get(Scopes.DEFAULTS))).isEmpty();
        assertThat(d.compacted.get(Scopes.DEFAULTS).getRevision()).isEqualTo(50);
        assertThat(prompts(d.compacted.get("acme"))).containsExactly(Map.entry("own", "Mine"));
        // From now on an org is emitted at its own commit, as always.
        d.send(Tx.of("beta", 70).org(true));
        assertThat(d.emittedKeys()).containsExactly("beta");
    }

    @Test
    void anOrgDeletedBeforeTheDefaultsArriveIsNeverEmitted() {
        d.send(Tx.of("gone", 50).org(true), Tx.of("gone", 55).deleteOrg(), Tx.of("kept", 56).org(true));
        assertThat(d.emitted()).isEmpty();
        d.send(Tx.defaults(50).prompt("greet", "Hello"));
        assertThat(d.emittedKeys()).containsExactlyInAnyOrder(Scopes.DEFAULTS, "kept");
        assertThat(prompts(d.compacted.get("kept"))).containsOnlyKeys("greet");
    }

    @Test
    void anEmptyDefaultsTransactionReplayedIsAppliedOnce() {
        d.send(Tx.defaults(50));
        assertThat(d.emittedKeys()).containsExactly(Scopes.DEFAULTS);
        d.send(Tx.defaults(50));
        assertThat(d.emitted()).isEmpty();
        d.send(Tx.of("acme", 60).org(true));
        assertThat(d.emittedKeys()).containsExactly("acme");
    }
}
