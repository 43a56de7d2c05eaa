package io.mcpconfig.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgViewTest {
    private static Prompt prompt(String name) {
        return new Prompt(name, null, null, "t " + name, List.of(), new Versions(1L, null), "h" + name);
    }

    private static Resource resource(String uri) {
        return new Resource(uri, uri, null, null, "text/plain", "x", null, new Versions(1L, null), "h" + uri);
    }

    @Test
    void findsEveryItemByAnEqualNameAndNothingElse() {
        List<Prompt> prompts = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            prompts.add(prompt("prompt-" + i));
            resources.add(resource("file:///docs/" + i));
        }
        OrgView view = new OrgView("acme", true, 7, Instant.EPOCH, prompts, resources);

        for (int i = 0; i < 300; i++) {
            assertThat(view.prompt(new String("prompt-" + i))).isSameAs(prompts.get(i));
            assertThat(view.resource(new String("file:///docs/" + i))).isSameAs(resources.get(i));
        }
        assertThat(view.prompt("prompt-300")).isNull();
        assertThat(view.resource("file:///docs/300")).isNull();
        assertThat(view.prompts()).hasSize(300);
    }

    @Test
    void anEmptyOrInactiveViewServesNothing() {
        OrgView empty = new OrgView("acme", true, 1, Instant.EPOCH, List.of(), List.of());
        assertThat(empty.prompt("greet")).isNull();
        assertThat(empty.resource("file:///x")).isNull();
        OrgView inactive = new OrgView("acme", false, 1, Instant.EPOCH, List.of(prompt("greet")), List.of());
        assertThat(inactive.prompt("greet")).isNull();
        assertThat(inactive.prompts()).isEmpty();
    }

    @Test
    void rejectsTwoItemsWithOneName() {
        assertThatThrownBy(() -> new OrgView("acme", true, 1, Instant.EPOCH,
                List.of(prompt("greet"), prompt(new String("greet"))), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("view of acme has prompt greet twice");
        assertThatThrownBy(() -> new OrgView("acme", true, 1, Instant.EPOCH,
                List.of(), List.of(resource("file:///a"), resource("file:///a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("view of acme has resource file:///a twice");
    }
}
