package io.mcpconfig.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.config.Keys;
import io.mcpconfig.admin.db.Migrations;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The publisher as a real process, killed with SIGKILL while writes go on: after a restart, or
 * after a standby takes over, every committed change is in the topic, in order per scope.
 */
class FailoverIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aPublisherKilledMidStreamLosesNothingWhenStartedAgain() throws Exception {
        Setup s = new Setup("failover_crash");
        try (ChangeLog log = new ChangeLog(TestServers.kafka().bootstrapServers(), s.topics.changes().name());
             Writer writer = new Writer(s.db)) {
            try (PublisherProcess first = PublisherProcess.start(s.name + "-first", s.env())) {
                await().atMost(WAIT).until(() -> log.commits("a").size() >= 1);
                writer.start();
                await().atMost(WAIT).until(() -> log.commits("b").size() >= 60); // mid-stream, writes ongoing
                first.kill();
            }
            int atKill = writer.committed.get();
            try (PublisherProcess second = PublisherProcess.start(s.name + "-second", s.env())) {
                await().atMost(WAIT).until(() -> log.commits("b").size() > atKill + 50);
                writer.stopAndAwait();
                assertThat(writer.committed.get()).isGreaterThan(atKill + 50);
                assertEverythingCommittedArrivedInOrder(s, log);
            }
        } finally {
            s.db.dropSlotQuietly(s.slotName);
        }
    }

    @Test
    void aStandbyTakesOverWithinSecondsWhenTheActivePublisherDies() throws Exception {
        Setup s = new Setup("failover_standby");
        try (ChangeLog log = new ChangeLog(TestServers.kafka().bootstrapServers(), s.topics.changes().name());
             Writer writer = new Writer(s.db);
             PublisherProcess active = PublisherProcess.start(s.name + "-active", s.env());
             PublisherProcess standby = PublisherProcess.start(s.name + "-standby", s.env())) {
            await().atMost(WAIT).until(() -> active.isActive() && standby.isStandby() || standby.isActive() && active.isStandby());
            PublisherProcess leader = active.isActive() ? active : standby;
            PublisherProcess follower = leader == active ? standby : active;
            await().atMost(WAIT).until(() -> log.commits("a").size() >= 1);
            writer.start();
            await().atMost(WAIT).until(() -> log.commits("b").size() >= 50);
            assertThat(follower.isActive()).as("only one publisher publishes").isFalse();
            // Both are ready: one publishes, the other is a healthy standby (the process's own endpoint says which).
            await().atMost(WAIT).until(() -> leader.managementPort() > 0 && follower.managementPort() > 0);
            assertThat(leader.ready().statusCode()).isEqualTo(200);
            assertThat(leader.ready().body()).contains("active: publishing slot");
            assertThat(follower.ready().statusCode()).isEqualTo(200);
            assertThat(follower.ready().body()).contains("standby: another publisher holds slot");

            long killedAt = System.nanoTime();
            leader.kill();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(follower::isActive);
            long tookOverMs = (System.nanoTime() - killedAt) / 1_000_000;
            System.out.println("[takeover] the standby became active " + tookOverMs + " ms after the active publisher was killed");
            assertThat(tookOverMs).isLessThan(30_000);
            await().atMost(WAIT).until(() -> log.commits("b").size() >= 100);
            writer.stopAndAwait();
            assertEverythingCommittedArrivedInOrder(s, log);
        } finally {
            s.db.dropSlotQuietly(s.slotName);
        }
    }

    /**
     * The oracle is config_history (every write, by trigger): each (table, key, version) there is
     * an event in the topic; per scope the COMMITs' first occurrences have rising LSNs and follow
     * all their rows; a repeated event is an exact duplicate of its first occurrence.
     */
    private static void assertEverythingCommittedArrivedInOrder(Setup s, ChangeLog log) throws Exception {
        Set<String> expected = new HashSet<>();
        try (Connection c = s.db.connect(); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT table_name, item_key, version FROM config_history")) {
            while (r.next()) {
                expected.add(r.getString(1).toUpperCase() + "/" + r.getString(2) + "/" + r.getLong(3));
            }
        }
        await().atMost(WAIT).until(() -> log.events().stream().filter(e -> e.getOp() != ChangeOp.COMMIT)
                .map(e -> e.getTable() + "/" + e.getRowKey() + "/" + e.getVersion()).collect(java.util.stream.Collectors.toSet())
                .containsAll(expected));
        for (String scope : List.of("a", "b")) {
            Map<String, ChangeEvent> firstByIdentity = new HashMap<>();
            Set<String> committed = new HashSet<>();
            long lastLsn = Long.MIN_VALUE;
            for (ChangeEvent e : log.events(e -> e.getScope().equals(scope))) {
                String identity = e.getTxId() + "/" + e.getOp() + "/" + e.getSeq();
                ChangeEvent first = firstByIdentity.putIfAbsent(identity, e);
                if (first != null) {
                    assertThat(e).as("a replayed event repeats its first occurrence").isEqualTo(first);
                    continue;
                }
                if (e.getOp() == ChangeOp.COMMIT) {
                    assertThat(e.getCommitLsn()).as("commit order in scope " + scope).isGreaterThan(lastLsn);
                    lastLsn = e.getCommitLsn();
                    assertThat(log.transaction(scope, e.getTxId())).hasSize(e.getEventCount());
                    committed.add(e.getTxId());
                } else {
                    assertThat(committed).as("rows precede their COMMIT").doesNotContain(e.getTxId());
                }
            }
        }
    }

    private static final class Setup {
        final String name;
        final TestDb db;
        final Topics topics;

        Setup(String base) throws Exception {
            String unique = TestNames.unique(base);
            name = unique;
            db = new TestDb(unique);
            topics = Topics.withPrefix(unique);
            Migrations.apply(db.url, TestDb.server().user(), TestDb.server().password());
            db.tx("seed", "INSERT INTO organization (id, display_name) VALUES ('a', 'A'), ('b', 'B')");
            this.slotName = unique;
        }

        final String slotName;

        Map<String, String> env() {
            return Map.of(
                    Keys.DB_URL, db.url, Keys.DB_USER, TestDb.server().user(), Keys.DB_PASSWORD, TestDb.server().password(),
                    Keys.KAFKA_BOOTSTRAP, TestServers.kafka().bootstrapServers(), Keys.TOPIC_PREFIX, topics.prefix(),
                    Keys.SLOT, slotName, PublisherConfig.STATUS_INTERVAL_S, "5");
        }
    }

    /** Commits transactions, each touching scopes a and b, as fast as it can until stopped. */
    private static final class Writer implements AutoCloseable {
        final AtomicInteger committed = new AtomicInteger();
        final AtomicReference<Exception> error = new AtomicReference<>();
        private final Thread thread;
        private volatile boolean stop;

        Writer(TestDb db) {
            thread = new Thread(() -> {
                try (Connection c = db.connect(); Statement st = c.createStatement()) {
                    c.setAutoCommit(false);
                    for (int i = 0; !stop; i++) {
                        st.execute("INSERT INTO organization_prompt (org_id, name, template) VALUES ('a', 'p" + i + "', 't')");
                        st.execute("UPDATE organization SET display_name = 'B" + i + "' WHERE id = 'b'");
                        if (i % 10 == 0) {
                            st.execute("UPDATE organization_prompt SET template = 'u" + i + "' WHERE org_id = 'a' AND name = 'p0'");
                        }
                        c.commit();
                        committed.incrementAndGet();
                    }
                } catch (Exception e) {
                    error.set(e);
                }
            }, "writer");
        }

        void start() {
            thread.start();
        }

        void stopAndAwait() throws Exception {
            stop = true;
            thread.join(120_000);
            if (error.get() != null) {
                throw error.get();
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join(30_000);
        }
    }
}
