package io.mcpconfig.cache;

import static io.mcpconfig.cache.TestViews.defaults;
import static io.mcpconfig.cache.TestViews.org;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.TestServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last-known-good snapshot: serving while Kafka is down, resuming, and surviving corruption. */
class SnapshotIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void restartsFromTheSnapshotWithTheBrokerStoppedThenCatchesUp(@TempDir Path dir) throws InterruptedException {
        Path file = dir.resolve("views.snapshot");
        try (KafkaBroker broker = KafkaBroker.start();
             ViewsTopic topic = new ViewsTopic(broker, "snapshotrestart", 3)) {
            topic.put(defaults(1));
            topic.put(org("acme", 2, "Hi"));
            topic.put(org("globex", 3, "Yo"));
            try (ConfigCache first = builder(broker, topic).snapshot(file).build()) {
                assertThat(first.awaitLive(WAIT)).isTrue();
            } // close writes the snapshot
            assertThat(file).exists();
            topic.put(org("acme", 4, "written while the client was away"));
            broker.stop();

            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            try (ConfigCache second = builder(broker, topic).snapshot(file).meterRegistry(meters).build()) {
                // Served at once from the snapshot, with no broker to ask.
                assertThat(second.status()).isEqualTo(CacheStatus.SNAPSHOT);
                assertThat(second.awaitReady(Duration.ZERO)).isTrue();
                assertThat(second.forOrg("acme").prompt("greet").template()).isEqualTo("Hi");
                assertThat(second.forOrg("globex").revision()).isEqualTo(3);
                assertThat(second.forOrg("initech").orgId()).isEqualTo("_defaults");
                assertThat(second.awaitLive(Duration.ofMillis(300))).isFalse();

                broker.restart();
                topic.put(org("globex", 5, "Yo again"));

                assertThat(second.awaitLive(WAIT)).isTrue();
                assertThat(second.awaitRevision("globex", 5, WAIT)).isTrue();
                assertThat(second.awaitRevision("acme", 4, WAIT)).isTrue();
                assertThat(second.forOrg("acme").prompt("greet").template()).isEqualTo("written while the client was away");
                // Resumed from the snapshot's offsets: only the two records written since were applied.
                assertThat(meters.get("mcpconfig.cache.updates.applied").counter().count()).isEqualTo(2);
                assertThat(meters.get("mcpconfig.cache.snapshot.corrupt").counter().count()).isZero();
            }
        }
    }

    @Test
    void aCorruptSnapshotFallsBackToKafka(@TempDir Path dir) throws InterruptedException, IOException {
        KafkaBroker broker = TestServers.kafka();
        Path file = dir.resolve("views.snapshot");
        try (ViewsTopic topic = new ViewsTopic(broker, "snapshotcorrupt", 3)) {
            topic.put(defaults(1));
            topic.put(org("acme", 2, "Hi"));
            try (ConfigCache first = builder(broker, topic).snapshot(file).build()) {
                assertThat(first.awaitLive(WAIT)).isTrue();
            }
            byte[] good = Files.readAllBytes(file);
            good[good.length / 2] ^= 0x01;
            Files.write(file, good);
            topic.put(org("acme", 3, "Hi again"));

            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            try (ConfigCache second = builder(broker, topic).snapshot(file).meterRegistry(meters).build()) {
                assertThat(second.status()).isEqualTo(CacheStatus.STARTING);
                assertThat(meters.get("mcpconfig.cache.snapshot.corrupt").counter().count()).isEqualTo(1);

                assertThat(second.awaitReady(WAIT)).isTrue();
                assertThat(second.status()).isEqualTo(CacheStatus.LIVE);
                assertThat(second.forOrg("acme").prompt("greet").template()).isEqualTo("Hi again");
            }
            // The fresh snapshot written on close is intact again.
            try (ConfigCache third = builder(broker, topic).snapshot(file).build()) {
                assertThat(third.status()).isEqualTo(CacheStatus.SNAPSHOT);
                assertThat(third.forOrg("acme").revision()).isEqualTo(3);
            }
        }
    }

    private static ConfigCacheBuilder builder(KafkaBroker broker, ViewsTopic topic) {
        return ConfigCache.builder().bootstrapServers(broker.bootstrapServers()).topics(topic.topics);
    }
}
