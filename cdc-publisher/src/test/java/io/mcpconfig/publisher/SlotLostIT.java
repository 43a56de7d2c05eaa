package io.mcpconfig.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.publisher.internal.StoredOffsets;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A slot that disappears while offsets exist stops the publisher loudly; re-snapshotting is explicit. */
class SlotLostIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aVanishedSlotStopsThePublisherUntilAResnapshotIsAskedFor() throws Exception {
        String name = TestNames.unique("slot_lost");
        TestDb db = new TestDb(name);
        Topics topics = Topics.withPrefix(name);
        String bootstrap = TestServers.kafka().bootstrapServers();
        PublisherConfig config = PublisherConfig.of(db.url, TestDb.server().user(), TestDb.server().password(), bootstrap, topics, name);
        try (ChangeLog log = new ChangeLog(bootstrap, topics.changes().name())) {
            try (CdcPublisher publisher = CdcPublisher.start(config)) {
                db.tx("x", "INSERT INTO organization (id, display_name) VALUES ('o', 'O')");
                await().atMost(WAIT).until(() -> log.commits("o").size() == 1);
                await().atMost(WAIT).until(() -> !StoredOffsets.read(io.mcpconfig.schemas.config.KafkaSettings.of(bootstrap, topics), WAIT).isEmpty());
            }
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_drop_replication_slot('" + name + "')");
            }

            try (CdcPublisher publisher = CdcPublisher.start(config)) {
                assertThat(publisher.awaitTermination(WAIT)).isTrue();
                assertThat(publisher.failure()).hasValueSatisfying(e -> assertThat(e.getMessage())
                        .contains("replication slot '" + name + "' is gone", "MCPCONFIG_RESNAPSHOT=true").doesNotContain("\n"));
            }

            db.tx("x", "UPDATE organization SET display_name = 'O2' WHERE id = 'o'"); // while no slot existed
            try (CdcPublisher publisher = CdcPublisher.start(config.withResnapshot(true))) {
                await().atMost(WAIT).until(() -> log.commits("o").size() == 2);
                List<ChangeEvent> commits = log.commits("o");
                assertThat(commits.get(1).getTxId()).startsWith("snapshot-").isNotEqualTo(commits.get(0).getTxId());
                assertThat(commits.get(1).getCommitLsn()).isGreaterThan(commits.get(0).getCommitLsn());
                assertThat(log.transaction("o", commits.get(1).getTxId())).singleElement()
                        .satisfies(e -> assertThat(e.getVersion()).isEqualTo(2));
                assertThat(publisher.failure()).isEmpty();
            }
        } finally {
            db.dropSlotQuietly(name);
        }
    }
}
