package io.mcpconfig.schemas.merge;

import static io.mcpconfig.schemas.merge.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ViewPrompt;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole views: the defaults view, inactive orgs, ordering, and what the content hash tracks. */
class MergeRuleViewTest {
    private final Map<String, PromptRow> defaults = Map.of(
            "b", Rows.defaultPrompt("b", "tb", true, 1),
            "a", Rows.defaultPrompt("a", "ta", true, 1),
            "off", Rows.defaultPrompt("off", "t", false, 1));

    @Test
    void defaultsViewHoldsTheActiveDefaultsSortedByName() {
        OrgView view = MergeRule.defaultsView(defaults, Map.of(), 9, T0);
        assertThat(view.getOrgId()).isEqualTo(Scopes.DEFAULTS);
        assertThat(view.getActive()).isTrue();
        assertThat(view.getPrompts()).extracting(ViewPrompt::getName).containsExactly("a", "b");
        assertThat(view.getRevision()).isEqualTo(9);
        assertThat(view.getUpdatedAt()).isEqualTo(T0);
    }

    @Test
    void inactiveOrgServesNothingWhateverItsOverrides() {
        OrgView view = MergeRule.orgView(Rows.org("o", false), defaults,
                Map.of("own", Rows.override("o", "own", "t", true, 1)), Map.of(), Map.of(), 1, T0);
        assertThat(view.getActive()).isFalse();
        assertThat(view.getPrompts()).isEmpty();
        assertThat(view.getResources()).isEmpty();
    }

    @Test
    void orgViewOfAnOrgWithoutOverridesEqualsTheDefaultsContent() {
        OrgView org = MergeRule.orgView(Rows.org("o", true), defaults, Map.of(), Map.of(), Map.of(), 1, T0);
        OrgView defaultsView = MergeRule.defaultsView(defaults, Map.of(), 1, T0);
        assertThat(org.getPrompts()).isEqualTo(defaultsView.getPrompts());
    }

    @Test
    void contentHashIgnoresVersionsButSeesEveryServedField() {
        String base = hash(Rows.defaultPrompt("a", "t", true, 1));
        assertThat(hash(Rows.defaultPrompt("a", "t", true, 99))).as("a new version with the same content").isEqualTo(base);
        assertThat(hash(Rows.defaultPrompt("a", "t2", true, 1))).isNotEqualTo(base);
        PromptRow otherTitle = Rows.defaultPrompt("a", "t", true, 1);
        otherTitle.setTitle("other");
        assertThat(hash(otherTitle)).isNotEqualTo(base);
        PromptRow noDescription = Rows.defaultPrompt("a", "t", true, 1);
        noDescription.setDescription(null);
        assertThat(hash(noDescription)).isNotEqualTo(base);
    }

    @Test
    void mergeIsPure() {
        OrgView first = MergeRule.orgView(Rows.org("o", true), defaults, Map.of("a", Rows.override("o", "a", "x", null, 2)),
                Map.of(), Map.of(), 5, T0);
        OrgView second = MergeRule.orgView(Rows.org("o", true), defaults, Map.of("a", Rows.override("o", "a", "x", null, 2)),
                Map.of(), Map.of(), 5, T0);
        assertThat(first).isEqualTo(second);
    }

    private static String hash(PromptRow row) {
        return MergeRule.defaultsView(Map.of(row.getName(), row), Map.of(), 1, T0).getPrompts().get(0).getContentHash();
    }
}
