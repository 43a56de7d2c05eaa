package io.mcpconfig.cache.internal;

import static io.mcpconfig.cache.TestViews.bytes;
import static io.mcpconfig.cache.TestViews.defaults;
import static io.mcpconfig.cache.TestViews.org;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.cache.CacheStatus;
import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.ViewsTopic;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.TestServers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot whose offsets the topic no longer has (here: beyond its end, as after the topic was
 * re-created) makes the cache re-read those partitions and drop the views they no longer hold.
 */
class OutOfRangeIT {

    @Test
    void offsetsOutOfRangeTriggerAFullReReadThatDropsVanishedViews(@TempDir Path dir)
            throws IOException, InterruptedException {
        KafkaBroker broker = TestServers.kafka();
        try (ViewsTopic topic = new ViewsTopic(broker, "outofrange", 1)) {
            topic.put(defaults(1));
            topic.put(org("acme", 7, "current"));
            SnapshotFile file = new SnapshotFile(dir.resolve("views.snapshot"));
            file.write(new Snapshot(topic.topics.views().name(), 0, null, Map.of(0, 1_000L), List.of(
                    new StoredView("acme", 0, 5, 5, bytes(org("acme", 5, "from an older topic"))),
                    new StoredView("ghost", 0, 6, 6, bytes(org("ghost", 6, "deleted while away"))))));

            try (ConfigCache cache = ConfigCache.builder().bootstrapServers(broker.bootstrapServers())
                    .topics(topic.topics).snapshot(file.path()).build()) {
                assertThat(cache.status()).isEqualTo(CacheStatus.SNAPSHOT);
                assertThat(cache.orgIds()).containsExactlyInAnyOrder("acme", "ghost");

                assertThat(cache.awaitLive(Duration.ofSeconds(30))).isTrue();
                await().atMost(Duration.ofSeconds(30)).until(() -> !cache.orgIds().contains("ghost"));
                assertThat(cache.orgIds()).containsExactly("acme");
                assertThat(cache.forOrg("acme").prompt("greet").template()).isEqualTo("current");
                assertThat(cache.forOrg("ghost").orgId()).isEqualTo("_defaults");
            }
        }
    }
}
