package io.mcpconfig.schemas.merge;

import static io.mcpconfig.schemas.merge.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.avro.MessageRole;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import io.mcpconfig.schemas.serde.AvroSerdes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The memo of inherited items changes nothing but the work: every view built with one memo over
 * the same defaults equals, field for field and byte for byte once serialized, the view built
 * without it, for orgs that override, deactivate or leave alone each kind of item.
 */
class InheritedItemsTest {
    private static final Map<String, PromptRow> DEFAULT_PROMPTS = Map.of(
            "plain", Rows.defaultPrompt("plain", "default {{code}}", true, 3),
            "off", Rows.defaultPrompt("off", "inactive by default", false, 4),
            "chat", Rows.defaultChat("chat", List.of(Rows.text(MessageRole.USER, "read this"),
                    Rows.embed("docs://guide")), 5));
    private static final Map<String, ResourceRow> DEFAULT_RESOURCES = Map.of(
            "docs://guide", Rows.defaultText("docs://guide", "the guide", 6),
            "docs://logo", new ResourceRow(null, "docs://logo", "logo", null, null, "image/png", null,
                    java.nio.ByteBuffer.wrap(Rows.bytes("\u0089PNG...")), true, 7L, T0, "test"));

    /** Org id -> its prompt and resource overrides. */
    private static final List<Object[]> ORGS = List.of(
            new Object[] {Rows.org("untouched", true), Map.of(), Map.of()},
            new Object[] {Rows.org("overrides", true),
                    Map.of("plain", Rows.override("overrides", "plain", "own {{code}}", null, 9),
                            "off", Rows.override("overrides", "off", null, true, 10)),
                    Map.of("docs://logo", Rows.overrideResource("overrides", "docs://logo", "now text", null, null, 11))},
            // Withdraws the resource the inherited chat prompt embeds: the prompt must be omitted here only.
            new Object[] {Rows.org("withdraws", true), Map.of(),
                    Map.of("docs://guide", Rows.overrideResource("withdraws", "docs://guide", null, null, false, 12))},
            new Object[] {Rows.org("inactive", false), Map.of(), Map.of()},
            new Object[] {Rows.org("untouched-too", true), Map.of(), Map.of()});

    @Test
    @SuppressWarnings("unchecked")
    void memoizedViewsEqualTheRuleWithoutAMemoForEveryOrg() {
        InheritedItems inherited = new InheritedItems();
        for (int round = 0; round < 2; round++) { // the second round takes everything inherited from the memo
            for (Object[] org : ORGS) {
                OrganizationRow row = (OrganizationRow) org[0];
                Map<String, PromptRow> prompts = (Map<String, PromptRow>) org[1];
                Map<String, ResourceRow> resources = (Map<String, ResourceRow>) org[2];
                OrgView plain = MergeRule.orgView(row, DEFAULT_PROMPTS, prompts, DEFAULT_RESOURCES, resources, 42, T0);
                OrgView memoized = MergeRule.orgView(row, DEFAULT_PROMPTS, prompts, DEFAULT_RESOURCES, resources, 42, T0,
                        inherited);

                assertThat(memoized).as(row.getId()).isEqualTo(plain);
                assertThat(AvroSerdes.orgView().serialize("views", memoized))
                        .as(row.getId()).isEqualTo(AvroSerdes.orgView().serialize("views", plain));
            }
        }
        OrgView withdraws = MergeRule.orgView(Rows.org("withdraws", true), DEFAULT_PROMPTS, Map.of(), DEFAULT_RESOURCES,
                Map.of("docs://guide", Rows.overrideResource("withdraws", "docs://guide", null, null, false, 12)),
                42, T0, inherited);
        assertThat(withdraws.getPrompts()).extracting(p -> p.getName()).containsExactly("plain");
        assertThat(withdraws.getOmitted()).extracting(o -> o.getKey()).containsExactly("chat");
    }

    @Test
    void anInheritedItemIsMergedOnceAndSharedByEveryViewOfTheSameDefaults() {
        InheritedItems inherited = new InheritedItems();
        OrgView a = MergeRule.orgView(Rows.org("a", true), DEFAULT_PROMPTS, Map.of(), DEFAULT_RESOURCES, Map.of(),
                1, T0, inherited);
        OrgView b = MergeRule.orgView(Rows.org("b", true), DEFAULT_PROMPTS, Map.of(), DEFAULT_RESOURCES, Map.of(),
                2, T0, inherited);

        // plain, chat, guide, logo (the inactive default serves nothing, so there is nothing to keep)
        assertThat(inherited.size()).isEqualTo(4);
        for (int i = 0; i < a.getPrompts().size(); i++) {
            assertThat(b.getPrompts().get(i)).isSameAs(a.getPrompts().get(i));
        }
        for (int i = 0; i < a.getResources().size(); i++) {
            assertThat(b.getResources().get(i)).isSameAs(a.getResources().get(i));
        }
    }

    @Test
    void anOverriddenItemIsNeverTakenFromTheMemo() {
        InheritedItems inherited = new InheritedItems();
        MergeRule.orgView(Rows.org("a", true), DEFAULT_PROMPTS, Map.of(), DEFAULT_RESOURCES, Map.of(), 1, T0, inherited);
        OrgView b = MergeRule.orgView(Rows.org("b", true), DEFAULT_PROMPTS,
                Map.of("plain", Rows.override("b", "plain", "b's own", null, 9)), DEFAULT_RESOURCES, Map.of(),
                2, T0, inherited);

        assertThat(b.getPrompts()).filteredOn(p -> p.getName().equals("plain")).singleElement()
                .satisfies(p -> {
                    assertThat(p.getTemplate()).isEqualTo("b's own");
                    assertThat(p.getOverrideVersion()).isEqualTo(9L);
                });
        assertThat(inherited.size()).isEqualTo(4);
    }
}
