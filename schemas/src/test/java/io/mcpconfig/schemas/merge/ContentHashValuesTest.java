package io.mcpconfig.schemas.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.avro.PromptArgument;
import io.mcpconfig.schemas.avro.ViewPrompt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Suggested argument values are served content: they change a prompt's hash, in order. */
class ContentHashValuesTest {
    private static ViewPrompt prompt(List<PromptArgument> arguments) {
        return ViewPrompt.newBuilder().setName("reply").setTemplate("Reply {{tone}}").setArguments(arguments)
                .setContentHash("").build();
    }

    private static PromptArgument tone(String... values) {
        return PromptArgument.newBuilder().setName("tone").setRequired(true).setValues(List.of(values)).build();
    }

    @Test
    void values_change_the_hash_and_their_order_counts() {
        String none = ContentHash.of(prompt(List.of(tone())));
        String two = ContentHash.of(prompt(List.of(tone("friendly", "formal"))));
        String swapped = ContentHash.of(prompt(List.of(tone("formal", "friendly"))));
        assertThat(two).isNotEqualTo(none).isNotEqualTo(swapped);
        assertThat(ContentHash.of(prompt(List.of(tone("friendly", "formal"))))).isEqualTo(two);
    }

    @Test
    void values_can_not_be_mistaken_for_a_following_argument() {
        PromptArgument withValue = tone("x");
        PromptArgument plain = PromptArgument.newBuilder().setName("tone").setRequired(true).build();
        PromptArgument next = PromptArgument.newBuilder().setName("x").build();
        assertThat(ContentHash.of(prompt(List.of(withValue)))).isNotEqualTo(ContentHash.of(prompt(List.of(plain, next))));
    }
}
