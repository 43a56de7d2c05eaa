package io.mcpconfig.cache.internal;

import static io.mcpconfig.cache.TestViews.bytes;
import static io.mcpconfig.cache.TestViews.textResource;
import static io.mcpconfig.cache.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.PromptMessage;
import io.mcpconfig.cache.PromptMessage.Kind;
import io.mcpconfig.cache.PromptMessage.Role;
import io.mcpconfig.schemas.avro.MessageContentKind;
import io.mcpconfig.schemas.avro.MessageRole;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.merge.ContentHash;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chat prompt's messages as the cache hands them out, next to the resources they name. */
class ChatPromptMappingTest {
    private final ViewMapper mapper = new ViewMapper();

    @Test
    void mapsMessagesInOrderAndTheEmbeddedResourceIsInTheSameView() {
        OrgView v = mapper.decode(bytes(view("acme", 5, true, List.of(chat()), List.of(textResource("policy://support", "Be kind.", 1L, null)))));

        Prompt draft = v.prompt("draft");
        assertThat(draft.isChat()).isTrue();
        assertThat(draft.template()).isEmpty();
        assertThat(draft.messages()).containsExactly(
                new PromptMessage(Role.USER, Kind.TEXT, "Reply to {{topic}}", null),
                new PromptMessage(Role.USER, Kind.RESOURCE, null, "policy://support"),
                new PromptMessage(Role.ASSISTANT, Kind.RESOURCE_LINK, null, "policy://support"));
        assertThat(v.resource(draft.messages().get(1).uri()).text()).isEqualTo("Be kind.");
    }

    @Test
    void equalChatPromptsOfTwoOrgsAreOneObject() {
        OrgView a = mapper.decode(bytes(view("a", 5, true, List.of(chat()), List.of(textResource("policy://support", "A", 1L, null)))));
        OrgView b = mapper.decode(bytes(view("b", 6, true, List.of(chat()), List.of(textResource("policy://support", "B", 1L, 2L)))));
        assertThat(a.prompt("draft")).isSameAs(b.prompt("draft"));
    }

    @Test
    void aTemplatePromptHasNoMessages() {
        Prompt p = new Prompt("p", null, null, "t", List.of(), new io.mcpconfig.cache.Versions(1L, null), "h");
        assertThat(p.isChat()).isFalse();
        assertThat(p.messages()).isEmpty();
    }

    @Test
    void aMessageIsTextOrAResourceNeverBoth() {
        assertThatThrownBy(() -> new PromptMessage(Role.USER, Kind.TEXT, null, null)).hasMessageContaining("TEXT message needs text");
        assertThatThrownBy(() -> new PromptMessage(Role.USER, Kind.RESOURCE, "x", "a:b")).hasMessageContaining("needs a uri and no text");
    }

    private static ViewPrompt chat() {
        ViewPrompt p = ViewPrompt.newBuilder().setName("draft").setTitle(null).setDescription(null).setTemplate("")
                .setArguments(List.of())
                .setMessages(List.of(
                        new io.mcpconfig.schemas.avro.PromptMessage(MessageRole.USER, MessageContentKind.TEXT, "Reply to {{topic}}", null),
                        new io.mcpconfig.schemas.avro.PromptMessage(MessageRole.USER, MessageContentKind.RESOURCE, null, "policy://support"),
                        new io.mcpconfig.schemas.avro.PromptMessage(MessageRole.ASSISTANT, MessageContentKind.RESOURCE_LINK, null, "policy://support")))
                .setDefaultVersion(1L).setOverrideVersion(null).setContentHash("").build();
        p.setContentHash(ContentHash.of(p));
        return p;
    }
}
