package io.mcpconfig.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view's lookups: every served item found by its key (equal or identical), nothing else. */
class OrgViewTest {
    private static final Versions V = new Versions(1L, null);

    private static Prompt prompt(String name) {
        return new Prompt(name, null, null, "t " + name, List.of(), V, "h-" + name);
    }

    private static Resource resource(String uri) {
        return new Resource(uri, uri, null, null, "text/plain", "x", null, V, "h-" + uri);
    }

    @Test
    void findsEveryItemByAnEqualKeyAndNothingElse() {
        List<Prompt> prompts = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < 100; i++) { // enough for collisions and wrap-around in the probe
            prompts.add(prompt("p" + i));
            resources.add(resource("docs://r" + i));
        }
        OrgView view = new OrgView("acme", true, 7, Instant.EPOCH, prompts, resources);
        for (int i = 0; i < 100; i++) {
            assertThat(view.prompt(new String("p" + i))).isSameAs(prompts.get(i));
            assertThat(view.resource(new String("docs://r" + i))).isSameAs(resources.get(i));
        }
        assertThat(view.prompt("p100")).isNull();
        assertThat(view.prompt("docs://r1")).isNull(); // a resource's key is not a prompt's
        assertThat(view.resource("p1")).isNull();
    }

    @Test
    void anEmptyOrInactiveViewFindsNothing() {
        assertThat(new OrgView("acme", true, 1, Instant.EPOCH, List.of(), List.of()).prompt("p")).isNull();
        OrgView inactive = new OrgView("acme", false, 1, Instant.EPOCH, List.of(prompt("p")), List.of(resource("a:b")));
        assertThat(inactive.prompt("p")).isNull();
        assertThat(inactive.resource("a:b")).isNull();
    }

    @Test
    void refusesTwoItemsWithOneKey() {
        assertThatThrownBy(() -> new OrgView("acme", true, 1, Instant.EPOCH, List.of(prompt("p"), prompt("p")), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("view of acme has prompt p twice");
        assertThatThrownBy(() -> new OrgView("acme", true, 1, Instant.EPOCH, List.of(),
                List.of(resource("a:b"), resource("a:b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("view of acme has resource a:b twice");
    }
}
