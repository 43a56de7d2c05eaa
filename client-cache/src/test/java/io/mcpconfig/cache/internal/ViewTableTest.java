package io.mcpconfig.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.cache.OrgView;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ViewTableTest {
    private final ViewTable table = new ViewTable();

    private static OrgView view(String org, long revision) {
        return new OrgView(org, true, revision, Instant.EPOCH, List.of(), List.of());
    }

    @Test
    void findsByEqualKeysAndReplacesInPlace() {
        OrgView first = view("acme", 1);
        table.put("acme", first);
        assertThat(table.get(new String("acme"))).isSameAs(first);
        OrgView second = view("acme", 2);
        table.put(new String("acme"), second);
        assertThat(table.get("acme")).isSameAs(second);
        assertThat(table.get("globex")).isNull();
    }

    @Test
    void clearIfDropsOnlyThatVeryView() {
        OrgView old = view("acme", 1);
        OrgView newer = view("acme", 2);
        table.put("acme", old);
        table.put("acme", newer);
        table.clearIf("acme", old); // an eviction of the replaced view
        assertThat(table.get("acme")).isSameAs(newer);
        table.clearIf("acme", newer);
        assertThat(table.get("acme")).isNull();
        table.clearIf("globex", newer); // unknown key: nothing happens
        table.clear("acme");
        assertThat(table.get("acme")).isNull();
    }

    @Test
    void installsOnlyWhenNoViewIsHeldAndTheBytesAreStillCurrent() {
        OrgView decoded = view("acme", 1);
        table.install("acme", decoded, () -> false); // bytes replaced meanwhile
        assertThat(table.get("acme")).isNull();
        table.install("acme", decoded, () -> true);
        assertThat(table.get("acme")).isSameAs(decoded);
        OrgView other = view("acme", 1);
        table.install("acme", other, () -> true); // a writer's view is never replaced by a reader's
        assertThat(table.get("acme")).isSameAs(decoded);
    }

    @Test
    void growsAndDropsKeysWithoutAViewWhenItRebuilds() {
        for (int i = 0; i < 10_000; i++) {
            table.put("org-" + i, view("org-" + i, i));
            if (i % 2 == 1) {
                table.clear("org-" + i);
            }
        }
        for (int i = 0; i < 10_000; i++) {
            OrgView v = table.get(new String("org-" + i));
            if (i % 2 == 0) {
                assertThat(v).isNotNull().extracting(OrgView::revision).isEqualTo((long) i);
            } else {
                assertThat(v).isNull();
            }
        }
        // A cleared key comes back in place.
        table.put("org-1", view("org-1", 42));
        assertThat(table.get("org-1").revision()).isEqualTo(42);
    }

    @Test
    void aReaderNeverSeesAnotherKeysViewWhileTheTableGrows() throws Exception {
        int keys = 20_000;
        AtomicReference<String> wrong = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            for (int round = 0; round < 50 && wrong.get() == null; round++) {
                for (int i = 0; i < keys; i += 7) {
                    OrgView v = table.get("org-" + i);
                    if (v != null && !v.orgId().equals("org-" + i)) {
                        wrong.set("org-" + i + " -> " + v.orgId());
                    }
                }
            }
        });
        reader.start();
        for (int i = 0; i < keys; i++) {
            table.put("org-" + i, view("org-" + i, i));
        }
        reader.join();
        assertThat(wrong.get()).isNull();
        for (int i = 0; i < keys; i++) {
            assertThat(table.get("org-" + i).orgId()).isEqualTo("org-" + i);
        }
    }
}
