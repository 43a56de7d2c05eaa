package io.mcpconfig.cache;

import static io.mcpconfig.cache.TestViews.defaults;
import static io.mcpconfig.cache.TestViews.org;
import static io.mcpconfig.cache.TestViews.prompt;
import static io.mcpconfig.cache.TestViews.textResource;
import static io.mcpconfig.cache.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.TestServers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The cache against the shared real broker, each test on its own views topic. */
class ConfigCacheIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final KafkaBroker broker = TestServers.kafka();
    private ViewsTopic topic;
    private ConfigCache cache;

    private ViewsTopic topic(TestInfo info) {
        topic = new ViewsTopic(broker, info.getTestMethod().orElseThrow().getName(), 3);
        return topic;
    }

    private ConfigCacheBuilder builder() {
        return ConfigCache.builder().bootstrapServers(broker.bootstrapServers()).topics(topic.topics);
    }

    @AfterEach
    void tearDown() {
        if (cache != null) {
            cache.close();
        }
        if (topic != null) {
            topic.close();
        }
    }

    @Test
    void readyAfterBootstrapWithTheRightViews(TestInfo info) throws InterruptedException {
        ViewsTopic t = topic(info);
        t.put(defaults(1));
        t.put(org("acme", 2, "first"));
        t.put(org("globex", 3, "Yo"));
        t.put(org("acme", 4, "second"));

        cache = builder().build();

        assertThat(cache.awaitReady(WAIT)).isTrue();
        assertThat(cache.status()).isEqualTo(CacheStatus.LIVE);
        assertThat(cache.orgIds()).containsExactlyInAnyOrder("acme", "globex");
        assertThat(cache.forOrg("acme").revision()).isEqualTo(4);
        assertThat(cache.forOrg("acme").prompt("greet").template()).isEqualTo("second");
        assertThat(cache.forOrg("globex").prompt("greet").template()).isEqualTo("Yo");
        // No view of its own: the defaults.
        OrgView initech = cache.forOrg("initech");
        assertThat(initech.orgId()).isEqualTo("_defaults");
        assertThat(initech.prompt("greet").template()).isEqualTo("Hello {{topic}}");
        // The defaults inherited unchanged are one object in every org.
        assertThat(cache.forOrg("acme").prompt("summarize")).isSameAs(initech.prompt("summarize"));
    }

    @Test
    void aPushedUpdateReachesTheViewAndTheListener(TestInfo info) throws InterruptedException {
        ViewsTopic t = topic(info);
        t.put(defaults(1));
        t.put(org("acme", 2, "Hi"));
        cache = builder().build();
        assertThat(cache.awaitLive(WAIT)).isTrue();
        List<ViewChange> acme = new CopyOnWriteArrayList<>();
        List<ViewChange> all = new CopyOnWriteArrayList<>();
        cache.addListener("acme", acme::add);
        cache.addListener(all::add);

        t.put(view("acme", 5, true,
                List.of(prompt("greet", "Hi again", 1L, 5L), prompt("new", "brand new", null, 5L)),
                List.of(textResource("file:///docs/guide", "the guide", 1L, null))));

        assertThat(cache.awaitRevision("acme", 5, WAIT)).isTrue();
        assertThat(cache.forOrg("acme").prompt("greet").template()).isEqualTo("Hi again");
        await().atMost(WAIT).until(() -> acme.size() == 1);
        ViewChange change = acme.get(0);
        assertThat(change.oldRevision()).isEqualTo(2);
        assertThat(change.newRevision()).isEqualTo(5);
        assertThat(change.promptsAdded()).containsExactly("new");
        assertThat(change.promptsRemoved()).containsExactly("summarize");
        assertThat(change.promptsChanged()).containsExactly("greet");
        assertThat(change.resourcesChangedAtAll()).isFalse();
        assertThat(change.after().prompt("new").template()).isEqualTo("brand new");
        assertThat(all).extracting(ViewChange::orgId).containsExactly("acme");
    }

    @Test
    void aTombstoneRemovesAnOrg(TestInfo info) throws InterruptedException {
        ViewsTopic t = topic(info);
        t.put(defaults(1));
        t.put(org("acme", 2, "Hi"));
        cache = builder().build();
        assertThat(cache.awaitLive(WAIT)).isTrue();
        List<ViewChange> acme = new CopyOnWriteArrayList<>();
        cache.addListener("acme", acme::add);

        t.delete("acme");

        await().atMost(WAIT).until(() -> cache.forOrg("acme").orgId().equals("_defaults"));
        assertThat(cache.orgIds()).doesNotContain("acme");
        assertThat(cache.forOrg("acme").prompt("greet").template()).isEqualTo("Hello {{topic}}");
        await().atMost(WAIT).until(() -> acme.size() == 1);
        assertThat(acme.get(0).removed()).isTrue();
        assertThat(acme.get(0).promptsChanged()).containsExactly("greet");
    }

    @Test
    void anInactiveOrgServesNothing(TestInfo info) throws InterruptedException {
        ViewsTopic t = topic(info);
        t.put(defaults(1));
        t.put(view("acme", 2, false, List.of(), List.of()));
        cache = builder().build();
        assertThat(cache.awaitLive(WAIT)).isTrue();

        OrgView acme = cache.forOrg("acme");
        assertThat(acme.active()).isFalse();
        assertThat(acme.orgId()).isEqualTo("acme");
        assertThat(acme.prompt("greet")).isNull();
    }

    @Test
    void theOrgFilterHolds(TestInfo info) throws InterruptedException {
        ViewsTopic t = topic(info);
        t.put(defaults(1));
        t.put(org("acme", 2, "Hi"));
        t.put(org("globex", 3, "Yo"));
        t.put(org("initech", 4, "Hey"));
        cache = builder().orgFilter(List.of("acme", "initech")).build();
        assertThat(cache.awaitLive(WAIT)).isTrue();

        t.put(org("globex", 5, "Yo again"));
        t.put(org("initech", 6, "Hey again"));

        assertThat(cache.awaitRevision("initech", 6, WAIT)).isTrue();
        assertThat(cache.orgIds()).containsExactlyInAnyOrder("acme", "initech");
        assertThat(cache.forOrg("acme").prompt("greet").template()).isEqualTo("Hi");
        assertThat(cache.forOrg("_defaults").revision()).isEqualTo(1);
        assertThatThrownBy(() -> cache.forOrg("globex")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not selected");
    }
}
