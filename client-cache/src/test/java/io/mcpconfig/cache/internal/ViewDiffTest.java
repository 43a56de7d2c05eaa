package io.mcpconfig.cache.internal;

import static io.mcpconfig.cache.TestViews.bytes;
import static io.mcpconfig.cache.TestViews.defaults;
import static io.mcpconfig.cache.TestViews.org;
import static io.mcpconfig.cache.TestViews.prompt;
import static io.mcpconfig.cache.TestViews.textResource;
import static io.mcpconfig.cache.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.ViewChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewDiffTest {
    private final ViewMapper mapper = new ViewMapper();

    private OrgView decode(io.mcpconfig.schemas.avro.OrgView v) {
        return mapper.decode(bytes(v));
    }

    @Test
    void listsAddedRemovedAndChangedItemsSorted() {
        OrgView before = decode(view("acme", 1, true,
                List.of(prompt("b", "same", 1L, null), prompt("c", "old", 1L, null), prompt("d", "gone", 1L, null)),
                List.of(textResource("file:///r1", "same", 1L, null), textResource("file:///r2", "gone", 1L, null))));
        OrgView after = decode(view("acme", 2, true,
                List.of(prompt("a", "new", 1L, null), prompt("b", "same", 1L, null), prompt("c", "new", 1L, 2L),
                        prompt("z", "new", 1L, null)),
                List.of(textResource("file:///r1", "same", 1L, null), textResource("file:///r3", "new", 1L, null))));

        ViewChange c = ViewDiff.between("acme", 1, 2, false, before, after);

        assertThat(c.promptsAdded()).containsExactly("a", "z");
        assertThat(c.promptsRemoved()).containsExactly("d");
        assertThat(c.promptsChanged()).containsExactly("c");
        assertThat(c.resourcesAdded()).containsExactly("file:///r3");
        assertThat(c.resourcesRemoved()).containsExactly("file:///r2");
        assertThat(c.resourcesChanged()).isEmpty();
        assertThat(c.oldRevision()).isEqualTo(1);
        assertThat(c.newRevision()).isEqualTo(2);
        assertThat(c.after()).isSameAs(after);
        assertThat(c.isEmpty()).isFalse();
        assertThat(c.activated() || c.deactivated() || c.removed()).isFalse();
    }

    @Test
    void onlyAVersionChangeIsNoChange() {
        // Same content, new override version (e.g. rolled back to identical content): nothing to tell.
        OrgView before = decode(view("acme", 1, true, List.of(prompt("p", "t", 1L, 3L)), List.of()));
        OrgView after = decode(view("acme", 2, true, List.of(prompt("p", "t", 1L, 4L)), List.of()));

        assertThat(ViewDiff.between("acme", 1, 2, false, before, after).isEmpty()).isTrue();
    }

    @Test
    void deactivationRemovesEverythingAndActivationAddsItBack() {
        OrgView active = decode(org("acme", 1, "Hi"));
        OrgView inactive = decode(view("acme", 2, false, List.of(prompt("greet", "Hi", 1L, 1L)), List.of()));

        ViewChange off = ViewDiff.between("acme", 1, 2, false, active, inactive);
        assertThat(off.deactivated()).isTrue();
        assertThat(off.promptsRemoved()).containsExactly("greet", "summarize");
        assertThat(off.resourcesRemoved()).containsExactly("file:///docs/guide");

        ViewChange on = ViewDiff.between("acme", 2, 3, false, inactive, active);
        assertThat(on.activated()).isTrue();
        assertThat(on.promptsAdded()).containsExactly("greet", "summarize");
    }

    @Test
    void removalIsTheDifferenceToTheDefaults() {
        ViewChange c = ViewDiff.between("acme", 5, -1, true, decode(org("acme", 5, "Hi")), decode(defaults(1)));

        assertThat(c.removed()).isTrue();
        assertThat(c.promptsChanged()).containsExactly("greet");
        assertThat(c.promptsAdded()).isEmpty();
        assertThat(c.promptsRemoved()).isEmpty();
        assertThat(c.after().orgId()).isEqualTo("_defaults");
    }
}
