package io.mcpconfig.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.admin.db.Migrations;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A first start always announces the defaults as of the snapshot, even when there are none:
 * consumers wait for that before serving any org (see docs/decisions/config-materializer.md).
 */
class FirstStartIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aSnapshotWithoutDefaultRowsStillClosesTheDefaultsScope() throws Exception {
        String name = TestNames.unique("first_start_nodefaults");
        TestDb db = new TestDb(name);
        Migrations.apply(db.url, TestDb.server().user(), TestDb.server().password());
        db.tx("seeder",
                "INSERT INTO organization (id, display_name) VALUES ('solo', 'Solo')",
                "INSERT INTO organization_prompt (org_id, name, template) VALUES ('solo', 'greet', 'Hi')");
        Topics topics = Topics.withPrefix(name);
        try (CdcPublisher publisher = CdcPublisher.start(config(db, topics, name));
             ChangeLog log = new ChangeLog(TestServers.kafka().bootstrapServers(), topics.changes().name())) {
            await().atMost(WAIT).until(() -> log.commits("solo").size() == 1 && log.commits(Scopes.DEFAULTS).size() == 1);
            ChangeEvent org = log.commits("solo").get(0);
            ChangeEvent defaults = log.commits(Scopes.DEFAULTS).get(0);
            assertThat(defaults.getEventCount()).isZero();
            assertThat(defaults.getTxId()).isEqualTo(org.getTxId()).startsWith("snapshot-");
            assertThat(defaults.getCommitLsn()).isEqualTo(org.getCommitLsn());
            assertThat(log.rows(Scopes.DEFAULTS)).isEmpty();
        } finally {
            db.dropSlotQuietly(name);
        }
    }

    @Test
    void aFirstStartOnAnEmptyDatabaseAnnouncesEmptyDefaultsBeforeTheFirstChange() throws Exception {
        String name = TestNames.unique("first_start_empty");
        TestDb db = new TestDb(name);
        Migrations.apply(db.url, TestDb.server().user(), TestDb.server().password());
        Topics topics = Topics.withPrefix(name);
        try (CdcPublisher publisher = CdcPublisher.start(config(db, topics, name));
             ChangeLog log = new ChangeLog(TestServers.kafka().bootstrapServers(), topics.changes().name())) {
            // Written once the slot exists: its snapshot is taken at the slot's creation, so the
            // write is streamed and the snapshot is empty (no record at all).
            await().atMost(WAIT).until(() -> slotExists(db, name));
            db.tx("alice", "INSERT INTO organization (id, display_name) VALUES ('late', 'Late')");
            await().atMost(WAIT).until(() -> log.commits("late").size() == 1 && log.commits(Scopes.DEFAULTS).size() == 1);
            // Scopes go to different partitions, so there is no order to check between them; the
            // LSN says the announcement comes before the change.
            ChangeEvent defaults = log.commits(Scopes.DEFAULTS).get(0);
            assertThat(defaults.getEventCount()).isZero();
            assertThat(defaults.getTxId()).startsWith("snapshot-");
            ChangeEvent late = log.commits("late").get(0);
            assertThat(late.getTxId()).doesNotStartWith("snapshot-");
            assertThat(defaults.getCommitLsn()).isEqualTo(late.getCommitLsn() - 1);
            assertThat(log.commits(Scopes.DEFAULTS)).hasSize(1);
        } finally {
            db.dropSlotQuietly(name);
        }
    }

    private static boolean slotExists(TestDb db, String slot) throws java.sql.SQLException {
        try (java.sql.Connection c = db.connect();
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT 1 FROM pg_replication_slots WHERE slot_name = '" + slot + "'")) {
            return rs.next();
        }
    }

    private static PublisherConfig config(TestDb db, Topics topics, String slot) {
        return PublisherConfig.of(db.url, TestDb.server().user(), TestDb.server().password(),
                TestServers.kafka().bootstrapServers(), topics, slot)
                .withDebeziumOverrides(Map.of("slot.drop.on.stop", "true"));
    }
}
