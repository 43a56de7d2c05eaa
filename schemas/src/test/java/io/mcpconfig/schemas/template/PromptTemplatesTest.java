package io.mcpconfig.schemas.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.schemas.template.TemplateProblem.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplatesTest {
    private static final TemplateArgument CODE = new TemplateArgument("code", true);
    private static final TemplateArgument LANG = new TemplateArgument("lang", false);

    private static String render(String template, List<TemplateArgument> declared, Map<String, ?> given) {
        return PromptTemplates.compile(template).render(PromptTemplates.arguments(declared, given));
    }

    @Test
    void values_are_inserted_verbatim_without_html_escaping() {
        assertThat(render("{{code}}", List.of(CODE), Map.of("code", "a < b && c > \"d\" 'e'")))
                .isEqualTo("a < b && c > \"d\" 'e'");
    }

    @Test
    void a_missing_optional_argument_renders_empty_and_its_section_is_skipped() {
        List<TemplateArgument> declared = List.of(LANG, new TemplateArgument("focus", false));
        String t = "[{{lang}}]{{#focus}} focus: {{focus}}{{/focus}}";
        assertThat(render(t, declared, Map.of())).isEqualTo("[]");
        assertThat(render(t, declared, Map.of("focus", ""))).isEqualTo("[]");
        assertThat(render(t, declared, Map.of("focus", "x", "lang", "Go"))).isEqualTo("[Go] focus: x");
    }

    @Test
    void undeclared_arguments_are_not_passed_to_the_template() {
        assertThat(render("a{{secret}}b", List.of(), Map.of("secret", "s"))).isEqualTo("ab");
    }

    @Test
    void a_missing_required_argument_is_named() {
        assertThatThrownBy(() -> PromptTemplates.arguments(List.of(CODE), null))
                .isInstanceOfSatisfying(MissingArgumentException.class, e -> assertThat(e.argument()).isEqualTo("code"));
    }

    @Test
    void compile_parses_on_every_call_and_keeps_nothing() {
        // No global memo (and no lock in it): whoever renders a template often holds the compiled one.
        CompiledTemplate first = PromptTemplates.compile("x {{code}}");
        assertThat(PromptTemplates.compile("x {{code}}")).isNotSameAs(first);
        assertThat(first.render(Map.of("code", "1"))).isEqualTo("x 1");
    }

    @Test
    void a_template_that_does_not_compile_is_refused_with_its_line() {
        assertThatThrownBy(() -> PromptTemplates.compile("line one\n{{/never}}"))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThat(PromptTemplates.validate("a\nb\n{{#open}} never closed", List.of()))
                .singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(Kind.SYNTAX);
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.message()).contains("open");
                });
    }

    @Test
    void an_undeclared_variable_is_refused_with_its_line() {
        assertThat(PromptTemplates.validate("Review {{code}}\nin {{langauge}}", List.of(CODE, LANG)))
                .containsExactly(new TemplateProblem(Kind.UNDECLARED_VARIABLE, 2, "uses 'langauge', which no argument declares"));
    }

    @Test
    void a_section_or_a_dotted_name_counts_as_using_its_argument() {
        assertThat(PromptTemplates.validate("{{#code}}{{code.length}}{{/code}}{{^lang}}any{{/lang}}", List.of(CODE, LANG)))
                .isEmpty();
    }

    @Test
    void a_required_argument_that_is_never_used_is_refused() {
        assertThat(PromptTemplates.validate("Review {{lang}}", List.of(CODE, LANG)))
                .extracting(TemplateProblem::kind, TemplateProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.UNUSED_REQUIRED_ARGUMENT,
                        "never uses required argument 'code'"));
    }

    @Test
    void an_unused_optional_argument_is_fine() {
        assertThat(PromptTemplates.validate("Review {{code}}", List.of(CODE, LANG))).isEmpty();
    }

    @Test
    void a_partial_is_refused_with_its_line() {
        assertThat(PromptTemplates.validate("x\n{{> header}}", List.of()))
                .extracting(TemplateProblem::kind, TemplateProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.PARTIAL, 2));
    }
}
