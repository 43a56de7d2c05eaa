package io.mcpconfig.cache.internal;

import static io.mcpconfig.cache.TestViews.blobResource;
import static io.mcpconfig.cache.TestViews.bytes;
import static io.mcpconfig.cache.TestViews.defaults;
import static io.mcpconfig.cache.TestViews.org;
import static io.mcpconfig.cache.TestViews.prompt;
import static io.mcpconfig.cache.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.PromptArgument;
import io.mcpconfig.cache.Resource;
import io.mcpconfig.cache.Versions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewMapperTest {
    private final ViewMapper mapper = new ViewMapper();

    @Test
    void mapsSuggestedArgumentValuesInOrder() {
        io.mcpconfig.schemas.avro.OrgView avro = org("acme", 42, "Hi {{topic}}");
        avro.getPrompts().get(0).getArguments().get(0).setValues(List.of("weather", "news"));
        OrgView v = mapper.decode(bytes(avro));
        assertThat(v.prompt("greet").arguments().get(0).values()).containsExactly("weather", "news");
        assertThat(v.prompt("summarize").arguments()).allSatisfy(a -> assertThat(a.values()).isEmpty());
    }

    @Test
    void mapsEveryField() {
        OrgView v = mapper.decode(bytes(org("acme", 42, "Hi {{topic}}")));

        assertThat(v.orgId()).isEqualTo("acme");
        assertThat(v.active()).isTrue();
        assertThat(v.revision()).isEqualTo(42);
        assertThat(v.updatedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_042L));
        assertThat(v.prompts()).extracting(Prompt::name).containsExactly("greet", "summarize");
        Prompt greet = v.prompt("greet");
        assertThat(greet.template()).isEqualTo("Hi {{topic}}");
        assertThat(greet.title()).isEqualTo("Title of greet");
        assertThat(greet.description()).isNull();
        assertThat(greet.arguments()).containsExactly(new PromptArgument("topic", "what about", true));
        assertThat(greet.versions()).isEqualTo(new Versions(1L, 42L));
        assertThat(greet.versions().overridden()).isTrue();
        assertThat(greet.contentHash()).hasSize(32);
        Resource guide = v.resource("file:///docs/guide");
        assertThat(guide.text()).isEqualTo("the guide");
        assertThat(guide.isBinary()).isFalse();
        assertThat(guide.mimeType()).isEqualTo("text/plain");
        assertThat(guide.versions()).isEqualTo(new Versions(1L, null));
        assertThat(v.prompt("absent")).isNull();
        assertThat(v.resource("file:///absent")).isNull();
    }

    @Test
    void mapsBinaryResourcesAndKeepsThemImmutable() {
        byte[] content = {1, 2, 3};
        OrgView v = mapper.decode(bytes(view("acme", 1, true, List.of(), List.of(blobResource("file:///b", content)))));

        Resource blob = v.resource("file:///b");
        assertThat(blob.isBinary()).isTrue();
        assertThat(blob.text()).isNull();
        blob.blob()[0] = 9;
        assertThat(blob.blob()).containsExactly(1, 2, 3);
    }

    @Test
    void anInactiveOrgServesNothing() {
        OrgView v = mapper.decode(bytes(view("acme", 3, false, List.of(prompt("greet", "x", 1L, null)), List.of())));

        assertThat(v.active()).isFalse();
        assertThat(v.prompts()).isEmpty();
        assertThat(v.prompt("greet")).isNull();
    }

    @Test
    void sharedContentIsHeldOnce() {
        OrgView defaults = mapper.decode(bytes(defaults(1)));
        OrgView acme = mapper.decode(bytes(org("acme", 5, "Hi")));
        OrgView globex = mapper.decode(bytes(org("globex", 6, "Yo")));

        // Inherited unchanged: one object for the defaults and every org.
        assertThat(acme.prompt("summarize")).isSameAs(defaults.prompt("summarize")).isSameAs(globex.prompt("summarize"));
        assertThat(acme.resource("file:///docs/guide")).isSameAs(defaults.resource("file:///docs/guide"));
        // Overridden: each org its own.
        assertThat(acme.prompt("greet")).isNotSameAs(globex.prompt("greet")).isNotEqualTo(defaults.prompt("greet"));
    }
}
