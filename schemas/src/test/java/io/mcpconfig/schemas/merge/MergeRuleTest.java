package io.mcpconfig.schemas.merge;

import static io.mcpconfig.schemas.merge.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.avro.ItemKind;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.PromptArgument;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ViewPrompt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The merge rule for one prompt, every combination: the default absent / active / inactive, the
 * override absent or setting any mix of template and active, the organization active or not.
 * The expectations are written out by hand, row by row, from DESIGN.md's rule.
 */
class MergeRuleTest {

    @ParameterizedTest(name = "default={0} override={1} orgActive={2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # default  | override (template/active)    | org active | expected: DEFAULT, OVERRIDE (template served), NONE, OMITTED
            ABSENT     | ABSENT                        | true       | NONE
            ABSENT     | NOTHING_SET                   | true       | OMITTED
            ABSENT     | TEMPLATE                      | true       | OVERRIDE
            ABSENT     | ACTIVE_TRUE                   | true       | OMITTED
            ABSENT     | ACTIVE_FALSE                  | true       | NONE
            ABSENT     | TEMPLATE_ACTIVE_TRUE          | true       | OVERRIDE
            ABSENT     | TEMPLATE_ACTIVE_FALSE         | true       | NONE
            ACTIVE     | ABSENT                        | true       | DEFAULT
            ACTIVE     | NOTHING_SET                   | true       | DEFAULT
            ACTIVE     | TEMPLATE                      | true       | OVERRIDE
            ACTIVE     | ACTIVE_TRUE                   | true       | DEFAULT
            ACTIVE     | ACTIVE_FALSE                  | true       | NONE
            ACTIVE     | TEMPLATE_ACTIVE_TRUE          | true       | OVERRIDE
            ACTIVE     | TEMPLATE_ACTIVE_FALSE         | true       | NONE
            INACTIVE   | ABSENT                        | true       | NONE
            INACTIVE   | NOTHING_SET                   | true       | NONE
            INACTIVE   | TEMPLATE                      | true       | NONE
            INACTIVE   | ACTIVE_TRUE                   | true       | DEFAULT
            INACTIVE   | ACTIVE_FALSE                  | true       | NONE
            INACTIVE   | TEMPLATE_ACTIVE_TRUE          | true       | OVERRIDE
            INACTIVE   | TEMPLATE_ACTIVE_FALSE         | true       | NONE
            ABSENT     | TEMPLATE                      | false      | NONE
            ACTIVE     | ABSENT                        | false      | NONE
            ACTIVE     | TEMPLATE                      | false      | NONE
            ACTIVE     | ACTIVE_TRUE                   | false      | NONE
            INACTIVE   | TEMPLATE_ACTIVE_TRUE          | false      | NONE
            """)
    void prompt(String defaultCase, String overrideCase, boolean orgActive, String expected) {
        Map<String, PromptRow> defaults = switch (defaultCase) {
            case "ABSENT" -> Map.of();
            case "ACTIVE" -> Map.of("p", Rows.defaultPrompt("p", "default template", true, 3));
            case "INACTIVE" -> Map.of("p", Rows.defaultPrompt("p", "default template", false, 3));
            default -> throw new IllegalArgumentException(defaultCase);
        };
        Map<String, PromptRow> overrides = switch (overrideCase) {
            case "ABSENT" -> Map.of();
            case "NOTHING_SET" -> Map.of("p", Rows.override("o", "p", null, null, 5));
            case "TEMPLATE" -> Map.of("p", Rows.override("o", "p", "override template", null, 5));
            case "ACTIVE_TRUE" -> Map.of("p", Rows.override("o", "p", null, true, 5));
            case "ACTIVE_FALSE" -> Map.of("p", Rows.override("o", "p", null, false, 5));
            case "TEMPLATE_ACTIVE_TRUE" -> Map.of("p", Rows.override("o", "p", "override template", true, 5));
            case "TEMPLATE_ACTIVE_FALSE" -> Map.of("p", Rows.override("o", "p", "override template", false, 5));
            default -> throw new IllegalArgumentException(overrideCase);
        };

        OrgView view = MergeRule.orgView(Rows.org("o", orgActive), defaults, overrides, Map.of(), Map.of(), 42, T0);

        assertThat(view.getActive()).isEqualTo(orgActive);
        assertThat(view.getRevision()).isEqualTo(42);
        switch (expected) {
            case "NONE" -> {
                assertThat(view.getPrompts()).isEmpty();
                assertThat(view.getOmitted()).isEmpty();
            }
            case "OMITTED" -> {
                assertThat(view.getPrompts()).isEmpty();
                assertThat(view.getOmitted()).singleElement().satisfies(item -> {
                    assertThat(item.getKind()).isEqualTo(ItemKind.PROMPT);
                    assertThat(item.getKey()).isEqualTo("p");
                    assertThat(item.getReason()).contains("no template");
                });
            }
            case "DEFAULT", "OVERRIDE" -> {
                assertThat(view.getOmitted()).isEmpty();
                ViewPrompt p = view.getPrompts().get(0);
                assertThat(view.getPrompts()).hasSize(1);
                assertThat(p.getTemplate()).isEqualTo(expected.equals("DEFAULT") ? "default template" : "override template");
                assertThat(p.getDefaultVersion()).isEqualTo(defaults.isEmpty() ? null : 3L);
                assertThat(p.getOverrideVersion()).isEqualTo(overrides.isEmpty() ? null : 5L);
                assertThat(p.getContentHash()).hasSize(32);
            }
            default -> throw new IllegalArgumentException(expected);
        }
    }

    @ParameterizedTest(name = "title={0} description={1} arguments={2}")
    @CsvSource({"true,false,false", "false,true,false", "false,false,true", "true,true,true", "false,false,false"})
    void eachFieldIsTheOverridesWhenSetElseTheDefaults(boolean title, boolean description, boolean arguments) {
        PromptRow d = Rows.defaultPrompt("p", "t", true, 1);
        List<PromptArgument> own = List.of(new PromptArgument("x", null, false, List.of()));
        PromptRow o = new PromptRow("o", "p", title ? "own title" : null, description ? "own description" : null,
                null, arguments ? own : null, null, null, 2L, T0, "test");

        ViewPrompt p = MergeRule.orgView(Rows.org("o", true), Map.of("p", d), Map.of("p", o), Map.of(), Map.of(), 1, T0)
                .getPrompts().get(0);

        assertThat(p.getTitle()).isEqualTo(title ? "own title" : d.getTitle());
        assertThat(p.getDescription()).isEqualTo(description ? "own description" : d.getDescription());
        assertThat(p.getArguments()).isEqualTo(arguments ? own : d.getArguments());
        assertThat(p.getTemplate()).isEqualTo("t");
    }
}
