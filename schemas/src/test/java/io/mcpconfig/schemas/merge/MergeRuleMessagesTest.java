package io.mcpconfig.schemas.merge;

import static io.mcpconfig.schemas.merge.Rows.T0;
import static io.mcpconfig.schemas.merge.Rows.embed;
import static io.mcpconfig.schemas.merge.Rows.link;
import static io.mcpconfig.schemas.merge.Rows.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.avro.ItemKind;
import io.mcpconfig.schemas.avro.MessageContentKind;
import io.mcpconfig.schemas.avro.MessageRole;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.PromptMessage;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import io.mcpconfig.schemas.avro.ViewPrompt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The merge rule for chat prompts: a prompt's body (its template or its messages) is one field,
 * replaced whole by an override that sets either; a prompt whose messages embed or link a resource
 * the org's view does not serve is left out and reported. Every combination of the default's body,
 * the override's body and whether the referenced resource is served, written out by hand.
 */
class MergeRuleMessagesTest {
    private static final String POLICY = "policy://support";
    private static final List<PromptMessage> DEFAULT_MESSAGES = List.of(
            text(MessageRole.USER, "Draft a reply to {{code}}"), embed(POLICY), text(MessageRole.ASSISTANT, "Understood."));
    private static final List<PromptMessage> OVERRIDE_MESSAGES = List.of(text(MessageRole.USER, "Acme: {{code}}"), link(POLICY));

    @ParameterizedTest(name = "default={0} override={1} resourceServed={2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # default | override | resource served | expected
            ABSENT    | ABSENT   | true            | NONE
            ABSENT    | NOTHING  | true            | OMITTED_NO_BODY
            ABSENT    | TEMPLATE | false           | OVERRIDE_TEMPLATE
            ABSENT    | MESSAGES | true            | OVERRIDE_MESSAGES
            ABSENT    | MESSAGES | false           | OMITTED_RESOURCE
            TEMPLATE  | ABSENT   | false           | DEFAULT_TEMPLATE
            TEMPLATE  | NOTHING  | false           | DEFAULT_TEMPLATE
            TEMPLATE  | TEMPLATE | false           | OVERRIDE_TEMPLATE
            TEMPLATE  | MESSAGES | true            | OVERRIDE_MESSAGES
            TEMPLATE  | MESSAGES | false           | OMITTED_RESOURCE
            MESSAGES  | ABSENT   | true            | DEFAULT_MESSAGES
            MESSAGES  | ABSENT   | false           | OMITTED_RESOURCE
            MESSAGES  | NOTHING  | true            | DEFAULT_MESSAGES
            MESSAGES  | NOTHING  | false           | OMITTED_RESOURCE
            MESSAGES  | TEMPLATE | true            | OVERRIDE_TEMPLATE
            MESSAGES  | TEMPLATE | false           | OVERRIDE_TEMPLATE
            MESSAGES  | MESSAGES | true            | OVERRIDE_MESSAGES
            MESSAGES  | MESSAGES | false           | OMITTED_RESOURCE
            """)
    void body(String defaultCase, String overrideCase, boolean resourceServed, String expected) {
        Map<String, PromptRow> defaults = switch (defaultCase) {
            case "ABSENT" -> Map.of();
            case "TEMPLATE" -> Map.of("p", Rows.defaultPrompt("p", "default template", true, 3));
            case "MESSAGES" -> Map.of("p", Rows.defaultChat("p", DEFAULT_MESSAGES, 3));
            default -> throw new IllegalArgumentException(defaultCase);
        };
        Map<String, PromptRow> overrides = switch (overrideCase) {
            case "ABSENT" -> Map.of();
            case "NOTHING" -> Map.of("p", Rows.override("o", "p", null, null, 5));
            case "TEMPLATE" -> Map.of("p", Rows.override("o", "p", "override template", null, 5));
            case "MESSAGES" -> Map.of("p", Rows.overrideChat("o", "p", OVERRIDE_MESSAGES, 5));
            default -> throw new IllegalArgumentException(overrideCase);
        };
        Map<String, ResourceRow> resources = resourceServed ? Map.of(POLICY, Rows.defaultText(POLICY, "be kind", 1)) : Map.of();

        OrgView view = MergeRule.orgView(Rows.org("o", true), defaults, overrides, resources, Map.of(), 7, T0);

        switch (expected) {
            case "NONE" -> {
                assertThat(view.getPrompts()).isEmpty();
                assertThat(view.getOmitted()).isEmpty();
            }
            case "OMITTED_NO_BODY", "OMITTED_RESOURCE" -> {
                assertThat(view.getPrompts()).isEmpty();
                assertThat(view.getOmitted()).singleElement().satisfies(item -> {
                    assertThat(item.getKind()).isEqualTo(ItemKind.PROMPT);
                    assertThat(item.getKey()).isEqualTo("p");
                    assertThat(item.getReason()).contains(expected.equals("OMITTED_NO_BODY") ? "no template or messages" : POLICY);
                });
            }
            default -> {
                assertThat(view.getOmitted()).isEmpty();
                ViewPrompt p = view.getPrompts().get(0);
                assertThat(view.getPrompts()).hasSize(1);
                switch (expected) {
                    case "DEFAULT_TEMPLATE" -> assertTemplate(p, "default template");
                    case "OVERRIDE_TEMPLATE" -> assertTemplate(p, "override template");
                    case "DEFAULT_MESSAGES" -> assertMessages(p, DEFAULT_MESSAGES);
                    case "OVERRIDE_MESSAGES" -> assertMessages(p, OVERRIDE_MESSAGES);
                    default -> throw new IllegalArgumentException(expected);
                }
                assertThat(p.getDefaultVersion()).isEqualTo(defaults.isEmpty() ? null : 3L);
                assertThat(p.getOverrideVersion()).isEqualTo(overrides.isEmpty() ? null : 5L);
            }
        }
    }

    private static void assertTemplate(ViewPrompt p, String template) {
        assertThat(p.getTemplate()).isEqualTo(template);
        assertThat(p.getMessages()).isEmpty();
    }

    private static void assertMessages(ViewPrompt p, List<PromptMessage> messages) {
        assertThat(p.getMessages()).as("replaced whole, in order").isEqualTo(messages);
        assertThat(p.getTemplate()).isEmpty();
    }

    /** Whether the embedded resource is served is the resource's own merge rule, every way it can go. */
    @ParameterizedTest(name = "{0} -> served={1}")
    @CsvSource(delimiter = '|', textBlock = """
            DEFAULT                       | true
            OVERRIDE_ONLY                 | true
            DEFAULT_OVERRIDDEN_TEXT       | true
            ABSENT                        | false
            DEFAULT_INACTIVE              | false
            DEFAULT_DEACTIVATED_BY_ORG    | false
            OVERRIDE_ONLY_WITHOUT_CONTENT | false
            """)
    void aChatPromptIsServedIffEveryResourceItNamesIs(String resourceCase, boolean served) {
        Map<String, ResourceRow> defaults = new HashMap<>();
        Map<String, ResourceRow> overrides = new HashMap<>();
        ResourceRow inactive = Rows.defaultText(POLICY, "policy", 1);
        inactive.setActive(false);
        switch (resourceCase) {
            case "DEFAULT" -> defaults.put(POLICY, Rows.defaultText(POLICY, "policy", 1));
            case "OVERRIDE_ONLY" -> overrides.put(POLICY, Rows.overrideResource("o", POLICY, "own", null, null, 2));
            case "DEFAULT_OVERRIDDEN_TEXT" -> {
                defaults.put(POLICY, Rows.defaultText(POLICY, "policy", 1));
                overrides.put(POLICY, Rows.overrideResource("o", POLICY, "own", null, null, 2));
            }
            case "ABSENT" -> { }
            case "DEFAULT_INACTIVE" -> defaults.put(POLICY, inactive);
            case "DEFAULT_DEACTIVATED_BY_ORG" -> {
                defaults.put(POLICY, Rows.defaultText(POLICY, "policy", 1));
                overrides.put(POLICY, Rows.overrideResource("o", POLICY, null, null, false, 2));
            }
            case "OVERRIDE_ONLY_WITHOUT_CONTENT" -> overrides.put(POLICY, Rows.overrideResource("o", POLICY, null, null, true, 2));
            default -> throw new IllegalArgumentException(resourceCase);
        }
        for (List<PromptMessage> messages : List.of(List.of(embed(POLICY)), List.of(text(MessageRole.USER, "hi"), link(POLICY)))) {
            OrgView view = MergeRule.orgView(Rows.org("o", true), Map.of("p", Rows.defaultChat("p", messages, 1)), Map.of(),
                    defaults, overrides, 1, T0);
            assertThat(view.getPrompts()).as("prompt served").hasSize(served ? 1 : 0);
            assertThat(view.getOmitted()).as("prompt reported").filteredOn(o -> o.getKind() == ItemKind.PROMPT).hasSize(served ? 0 : 1);
        }
    }

    @Test
    void theReportNamesThePromptTheResourceAndTheMessage() {
        OrgView view = MergeRule.orgView(Rows.org("o", true),
                Map.of("draft", Rows.defaultChat("draft", List.of(text(MessageRole.USER, "hi"), embed(POLICY)), 1)), Map.of(),
                Map.of(), Map.of(), 1, T0);
        assertThat(view.getOmitted()).singleElement().satisfies(o -> assertThat(o.getReason())
                .isEqualTo("prompt 'draft' embeds resource 'policy://support' (message 2), which this organization"
                        + " does not serve (absent, inactive or incomplete)"));
    }

    @Test
    void aPromptOmittedForItsResourceIsReportedBeforeTheIncompleteResourceItself() {
        OrgView view = MergeRule.orgView(Rows.org("o", true), Map.of("p", Rows.defaultChat("p", List.of(embed(POLICY)), 1)),
                Map.of(), Map.of(), Map.of(POLICY, Rows.overrideResource("o", POLICY, null, null, true, 2)), 1, T0);
        assertThat(view.getOmitted()).extracting(o -> o.getKind() + " " + o.getKey())
                .containsExactly("PROMPT p", "RESOURCE " + POLICY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            text without text           | TEXT          | message 1 is text without text
            embed without a URI         | RESOURCE      | message 1 embeds a resource without a URI
            link without a URI          | RESOURCE_LINK | message 1 links a resource without a URI
            """)
    void malformedMessagesAreReportedNotServed(String what, MessageContentKind kind, String reason) {
        PromptMessage bad = new PromptMessage(MessageRole.USER, kind, null, null);
        OrgView view = MergeRule.orgView(Rows.org("o", true), Map.of("p", Rows.defaultChat("p", List.of(bad), 1)), Map.of(),
                Map.of(), Map.of(), 1, T0);
        assertThat(view.getPrompts()).isEmpty();
        assertThat(view.getOmitted()).singleElement().satisfies(o -> assertThat(o.getReason()).isEqualTo("prompt 'p' " + reason));
    }

    @Test
    void emptyMessagesAreNoBody() {
        OrgView view = MergeRule.orgView(Rows.org("o", true), Map.of("p", Rows.defaultChat("p", List.of(), 1)), Map.of(),
                Map.of(), Map.of(), 1, T0);
        assertThat(view.getPrompts()).isEmpty();
        assertThat(view.getOmitted()).singleElement().satisfies(o -> assertThat(o.getReason()).contains("no template or messages"));
    }

    @Test
    void otherFieldsStillInheritFieldByField() {
        PromptRow o = Rows.overrideChat("o", "p", OVERRIDE_MESSAGES, 5);
        o.setTitle("own title");
        ViewPrompt p = MergeRule.orgView(Rows.org("o", true), Map.of("p", Rows.defaultPrompt("p", "t", true, 1)), Map.of("p", o),
                Map.of(POLICY, Rows.defaultText(POLICY, "x", 1)), Map.of(), 1, T0).getPrompts().get(0);
        assertThat(p.getTitle()).isEqualTo("own title");
        assertThat(p.getDescription()).isEqualTo("description p");
        assertThat(p.getArguments()).extracting(a -> a.getName()).containsExactly("code");
    }

    @Test
    void theHashSeesEveryMessageFieldButNotTheEmbeddedContent() {
        Map<String, ResourceRow> v1 = Map.of(POLICY, Rows.defaultText(POLICY, "policy v1", 1));
        Map<String, ResourceRow> v2 = Map.of(POLICY, Rows.defaultText(POLICY, "policy v2", 2));
        String base = chatHash(DEFAULT_MESSAGES, v1);
        assertThat(chatHash(DEFAULT_MESSAGES, v2)).as("the resource's content is the resource's hash, not the prompt's").isEqualTo(base);
        assertThat(chatHash(List.of(text(MessageRole.ASSISTANT, "Draft a reply to {{code}}"), embed(POLICY),
                text(MessageRole.ASSISTANT, "Understood.")), v1)).as("role").isNotEqualTo(base);
        assertThat(chatHash(List.of(text(MessageRole.USER, "Draft a reply to {{code}}"), link(POLICY),
                text(MessageRole.ASSISTANT, "Understood.")), v1)).as("kind").isNotEqualTo(base);
        assertThat(chatHash(List.of(text(MessageRole.USER, "Draft a reply to {{code}}!"), embed(POLICY),
                text(MessageRole.ASSISTANT, "Understood.")), v1)).as("text").isNotEqualTo(base);
        assertThat(chatHash(List.of(text(MessageRole.USER, "Draft a reply to {{code}}"), embed(POLICY)), v1))
                .as("a message less").isNotEqualTo(base);
        OrgView templateView = MergeRule.orgView(Rows.org("o", true), Map.of("p", Rows.defaultPrompt("p", "", true, 1)), Map.of(),
                v1, Map.of(), 1, T0);
        assertThat(templateView.getPrompts().get(0).getContentHash()).as("an empty template is not a chat").isNotEqualTo(base);
    }

    /** Computed by the hash as it was before messages existed: upgrading re-emits no template prompt's view. */
    @Test
    void aTemplatePromptKeepsTheHashItHadBeforeMessagesExisted() {
        ViewPrompt p = ViewPrompt.newBuilder().setName("review").setTitle("Review").setDescription(null)
                .setTemplate("Review {{code}}").setArguments(List.of(new io.mcpconfig.schemas.avro.PromptArgument("code", "the code", true, List.of())))
                .setDefaultVersion(1L).setOverrideVersion(null).setContentHash("").build();
        assertThat(ContentHash.of(p)).isEqualTo("7e7d5c8951a8e8a781cf3d9b3129bb90");
    }

    private static String chatHash(List<PromptMessage> messages, Map<String, ResourceRow> resources) {
        OrgView view = MergeRule.orgView(Rows.org("o", true), Map.of("p", Rows.defaultChat("p", messages, 1)), Map.of(),
                resources, Map.of(), 1, T0);
        return view.getPrompts().get(0).getContentHash();
    }
}
