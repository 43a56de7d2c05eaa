package io.mcpconfig.admin.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.merge.MergeRule;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewDiffTest {
    private static OrgView acme(String template, long revision) {
        return MergeRule.orgView(Events.org("acme", true, 1),
                Map.of("greet", Events.defaultPrompt("greet", "Hello", 1)),
                Map.of("greet", Events.override("acme", "greet", template, 1)), Map.of(), Map.of(), revision, Instant.EPOCH);
    }

    @Test
    void same_content_at_another_revision_is_no_difference() {
        assertThat(ViewDiff.compare("acme", acme("Yo", 5), acme("Yo", 9))).isEmpty();
    }

    @Test
    void a_changed_prompt_and_a_missing_view_are_named() {
        assertThat(ViewDiff.compare("acme", acme("Yo", 5), acme("Hey", 5)))
                .singleElement().satisfies(d -> assertThat(d.item()).isEqualTo("prompt 'greet'"));
        assertThat(ViewDiff.compare(Map.of("acme", acme("Yo", 5)), Map.of()))
                .singleElement().satisfies(d -> {
                    assertThat(d.item()).isEqualTo("view");
                    assertThat(d.actual()).isEqualTo("absent");
                });
    }
}
