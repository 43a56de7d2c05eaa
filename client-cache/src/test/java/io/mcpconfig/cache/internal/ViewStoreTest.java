package io.mcpconfig.cache.internal;

import static io.mcpconfig.cache.TestViews.bytes;
import static io.mcpconfig.cache.TestViews.org;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Policy;
import io.mcpconfig.cache.OrgView;
import io.mcpconfig.schemas.Scopes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The store's two layers under concurrent reads, updates and evictions. */
class ViewStoreTest {
    private static final long WEIGHT = 1 << 20;
    private final ViewMapper mapper = new ViewMapper();
    private final ViewStore store = new ViewStore(WEIGHT, null, mapper, () -> {});

    private void put(String key, long revision) {
        byte[] b = bytes(org(key, revision, "v" + revision));
        store.put(new StoredView(key, 0, revision, 0, b), mapper.decode(b));
    }

    @Test
    void readsStayCurrentAndTheTableHoldsExactlyWhatCaffeineHolds() throws Exception {
        String[] keys = {"acme", "globex", "initech", "umbrella"};
        Cache<String, OrgView> decoded = store.decodedCache();
        Policy.Eviction<String, OrgView> eviction = decoded.policy().eviction().orElseThrow();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> wrong = new AtomicReference<>();

        Runnable read = () -> {
            Map<String, Long> seen = new HashMap<>();
            while (!done.get() && wrong.get() == null) {
                for (String key : keys) {
                    OrgView v = store.forOrg(new String(key));
                    if (Scopes.isDefaults(v.orgId())) {
                        continue; // not put yet, or removed
                    }
                    long last = seen.getOrDefault(key, -1L);
                    if (!v.orgId().equals(key) || v.revision() < last
                            || !v.prompt("greet").template().equals("v" + v.revision())) {
                        wrong.set(key + ": got " + v + " with " + v.prompt("greet").template() + " after revision " + last);
                    }
                    seen.put(key, v.revision());
                }
            }
        };
        Thread[] threads = {new Thread(read), new Thread(read), new Thread(() -> {
            while (!done.get()) {
                eviction.setMaximum(0); // evicts every decoded view
                decoded.cleanUp();
                eviction.setMaximum(WEIGHT);
            }
        })};
        for (Thread t : threads) {
            t.start();
        }
        for (long revision = 1; revision <= 500 && wrong.get() == null; revision++) {
            for (String key : keys) {
                if (revision % 97 == 0) {
                    store.remove(key);
                }
                put(key, revision);
            }
        }
        done.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(wrong.get()).isNull();

        // Quiet now: a key Caffeine holds is served from the table (a hit, that very view); a key it
        // does not hold is decoded again (a miss) and then held by both.
        decoded.cleanUp();
        for (String key : keys) {
            OrgView held = decoded.policy().getIfPresentQuietly(key);
            long hits = decoded.stats().hitCount();
            long misses = decoded.stats().missCount();
            OrgView served = store.forOrg(key);
            assertThat(served.revision()).isEqualTo(500);
            if (held != null) {
                assertThat(served).isSameAs(held);
                assertThat(decoded.stats().hitCount()).isEqualTo(hits + 1);
                assertThat(decoded.stats().missCount()).isEqualTo(misses);
            } else {
                assertThat(decoded.stats().missCount()).isEqualTo(misses + 1);
                assertThat(decoded.policy().getIfPresentQuietly(key)).isSameAs(served);
                assertThat(store.forOrg(key)).isSameAs(served);
            }
        }
    }

    @Test
    void aRemovedOrgIsNotServedFromTheTable() {
        put(Scopes.DEFAULTS, 1);
        put("acme", 2);
        assertThat(store.forOrg("acme").revision()).isEqualTo(2);
        store.remove("acme");
        assertThat(store.forOrg("acme").orgId()).isEqualTo(Scopes.DEFAULTS);
        put("acme", 3);
        assertThat(store.forOrg("acme").revision()).isEqualTo(3);
    }
}
