package io.mcpconfig.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.PromptArgument;
import io.mcpconfig.cache.Versions;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptRendererTest {
    private static Prompt prompt(String template, PromptArgument... arguments) {
        return new Prompt("p", null, null, template, List.of(arguments), new Versions(1L, null), "h");
    }

    @Test
    void values_are_inserted_verbatim_without_html_escaping() {
        assertThat(PromptRenderer.render(prompt("{{code}}", new PromptArgument("code", null, true)),
                Map.of("code", "a < b && c > \"d\" 'e'"))).isEqualTo("a < b && c > \"d\" 'e'");
    }

    @Test
    void a_missing_optional_argument_renders_empty_and_its_section_is_skipped() {
        Prompt p = prompt("[{{lang}}]{{#focus}} focus: {{focus}}{{/focus}}",
                new PromptArgument("lang", null, false), new PromptArgument("focus", null, false));
        assertThat(PromptRenderer.render(p, Map.of())).isEqualTo("[]");
        assertThat(PromptRenderer.render(p, Map.of("focus", ""))).isEqualTo("[]");
        assertThat(PromptRenderer.render(p, Map.of("focus", "x", "lang", "Go"))).isEqualTo("[Go] focus: x");
    }

    @Test
    void undeclared_arguments_and_variables_render_empty() {
        assertThat(PromptRenderer.render(prompt("a{{secret}}b"), Map.of("secret", "s"))).isEqualTo("ab");
    }

    @Test
    void a_missing_required_argument_is_invalid_params_naming_it() {
        assertThatThrownBy(() -> PromptRenderer.render(prompt("{{code}}", new PromptArgument("code", null, true)), null))
                .isInstanceOfSatisfying(McpError.class, e -> {
                    assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
                    assertThat(e.getMessage()).contains("'code'").contains("'p'");
                });
    }

    @Test
    void a_broken_template_is_an_internal_error_not_a_crash() {
        assertThatThrownBy(() -> PromptRenderer.render(prompt("{{#open}}never closed"), Map.of()))
                .isInstanceOfSatisfying(McpError.class,
                        e -> assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INTERNAL_ERROR));
    }
}
