package io.mcpconfig.cache.internal;

import static io.mcpconfig.cache.TestViews.bytes;
import static io.mcpconfig.cache.TestViews.defaults;
import static io.mcpconfig.cache.TestViews.org;
import static io.mcpconfig.cache.TestViews.prompt;
import static io.mcpconfig.cache.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.cache.ViewChange;
import io.mcpconfig.cache.internal.ViewApplier.Outcome;
import io.mcpconfig.schemas.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The apply logic without Kafka: records in, store and listener calls out. */
class ViewApplierTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ViewStore store;
    private Listeners listeners;
    private ViewApplier applier;

    private void setUp(Set<String> filter) {
        CacheConfig config = new CacheConfig("x:1", Topics.withPrefix("t"), filter, null, Duration.ofSeconds(1),
                1 << 20, Clock.systemUTC(), null, registry, Map.of());
        CacheMetrics metrics = new CacheMetrics(registry, config.clock());
        ViewMapper mapper = new ViewMapper();
        store = new ViewStore(config.maximumWeight(), filter, mapper, metrics.droppedUndecodable::increment);
        metrics.bind(registry, store);
        listeners = new Listeners(null, metrics.listenerFailures::increment);
        applier = new ViewApplier(config, store, mapper, listeners, metrics);
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void appliesNewerAndEqualRevisionsAndDropsOlder() {
        setUp(null);
        assertThat(applier.apply("acme", bytes(org("acme", 10, "v10")), 0)).isEqualTo(Outcome.APPLIED);
        assertThat(applier.apply("acme", bytes(org("acme", 9, "v9")), 0)).isEqualTo(Outcome.STALE);
        assertThat(store.forOrg("acme").prompt("greet").template()).isEqualTo("v10");
        // Equal revision: applied (full state; a re-emitted view is harmless).
        assertThat(applier.apply("acme", bytes(org("acme", 10, "v10 again")), 0)).isEqualTo(Outcome.APPLIED);
        assertThat(store.forOrg("acme").prompt("greet").template()).isEqualTo("v10 again");
        assertThat(counter("mcpconfig.cache.updates.dropped", "reason", "stale")).isEqualTo(1);
        assertThat(counter("mcpconfig.cache.updates.applied")).isEqualTo(2);
    }

    @Test
    void skipsUnreadableRecordsAndKeepsGoing() {
        setUp(null);
        assertThat(applier.apply("acme", new byte[] {1, 2, 3}, 0)).isEqualTo(Outcome.UNDECODABLE);
        assertThat(applier.apply("acme", bytes(org("globex", 1, "x")), 0)).isEqualTo(Outcome.UNDECODABLE);
        assertThat(applier.apply(null, bytes(org("acme", 1, "x")), 0)).isEqualTo(Outcome.UNDECODABLE);
        assertThat(applier.apply("acme", bytes(org("acme", 1, "x")), 0)).isEqualTo(Outcome.APPLIED);
        assertThat(counter("mcpconfig.cache.updates.dropped", "reason", "undecodable")).isEqualTo(3);
    }

    @Test
    void tombstoneRemovesTheOrgWhichThenServesTheDefaults() {
        setUp(null);
        applier.apply("_defaults", bytes(defaults(1)), 0);
        applier.apply("acme", bytes(org("acme", 2, "Hi")), 0);
        List<ViewChange> changes = new ArrayList<>();
        listeners.add("acme", changes::add);

        assertThat(applier.apply("acme", null, 0)).isEqualTo(Outcome.REMOVED);
        assertThat(applier.apply("acme", null, 0)).isEqualTo(Outcome.NOTHING_TO_REMOVE);

        assertThat(store.forOrg("acme").orgId()).isEqualTo("_defaults");
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.removed()).isTrue();
            assertThat(c.oldRevision()).isEqualTo(2);
            assertThat(c.newRevision()).isEqualTo(-1);
            assertThat(c.promptsChanged()).containsExactly("greet");
        });
    }

    @Test
    void anOrgWithoutAViewHearsOfDefaultChanges() {
        setUp(null);
        applier.apply("_defaults", bytes(defaults(1)), 0);
        applier.apply("acme", bytes(org("acme", 2, "Hi")), 0);
        List<ViewChange> initech = new ArrayList<>();
        List<ViewChange> acme = new ArrayList<>();
        List<ViewChange> all = new ArrayList<>();
        listeners.add("initech", initech::add);
        listeners.add("acme", acme::add);
        listeners.add(all::add);

        applier.apply("_defaults", bytes(view("_defaults", 3, true,
                List.of(prompt("greet", "Hello {{topic}}", 1L, null), prompt("new", "n", 1L, null)), List.of())), 0);

        assertThat(initech).singleElement().satisfies(c -> {
            assertThat(c.orgId()).isEqualTo("initech");
            assertThat(c.promptsAdded()).containsExactly("new");
            assertThat(c.promptsRemoved()).containsExactly("summarize");
            assertThat(c.resourcesRemoved()).containsExactly("file:///docs/guide");
        });
        // acme has its own view, which the materializer re-emits if the defaults change it.
        assertThat(acme).isEmpty();
        assertThat(all).singleElement().extracting(ViewChange::orgId).isEqualTo("_defaults");
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthers() {
        setUp(null);
        List<ViewChange> seen = new ArrayList<>();
        listeners.add(c -> {
            throw new IllegalStateException("boom");
        });
        listeners.add(seen::add);

        applier.apply("acme", bytes(org("acme", 1, "Hi")), 0);

        assertThat(seen).hasSize(1);
        assertThat(counter("mcpconfig.cache.listener.failures")).isEqualTo(1);
        assertThat(store.forOrg("acme").revision()).isEqualTo(1);
    }

    @Test
    void aRemovedListenerHearsNothingMore() {
        setUp(null);
        List<ViewChange> seen = new ArrayList<>();
        var registration = listeners.add("acme", seen::add);
        applier.apply("acme", bytes(org("acme", 1, "a")), 0);
        registration.remove();
        applier.apply("acme", bytes(org("acme", 2, "b")), 0);
        assertThat(seen).hasSize(1);
    }

    @Test
    void theOrgFilterHoldsOnlySelectedOrgs() {
        setUp(Set.of("acme"));
        assertThat(applier.apply("_defaults", bytes(defaults(1)), 0)).isEqualTo(Outcome.APPLIED);
        assertThat(applier.apply("acme", bytes(org("acme", 1, "a")), 0)).isEqualTo(Outcome.APPLIED);
        assertThat(applier.apply("globex", bytes(org("globex", 1, "g")), 0)).isEqualTo(Outcome.FILTERED);

        assertThat(store.size()).isEqualTo(2);
        assertThatThrownBy(() -> store.forOrg("globex")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("org globex is not selected");
    }

    @Test
    void evictedViewsAreDecodedAgainFromTheirBytes() {
        setUp(null);
        applier.apply("acme", bytes(org("acme", 1, "a")), 0);
        var eviction = store.decodedCache().policy().eviction().orElseThrow();
        eviction.setMaximum(0); // evicts everything decoded
        store.decodedCache().cleanUp();
        assertThat(store.decodedCache().estimatedSize()).isZero();
        eviction.setMaximum(1 << 20);

        assertThat(store.forOrg("acme").prompt("greet").template()).isEqualTo("a");
        assertThat(store.decodedCache().stats().missCount()).isEqualTo(1);
        assertThat(store.forOrg("acme").prompt("greet").template()).isEqualTo("a");
        assertThat(store.decodedCache().stats().hitCount()).isEqualTo(1);
        assertThat(store.decodedCache().stats().evictionCount()).isEqualTo(1);
    }
}
