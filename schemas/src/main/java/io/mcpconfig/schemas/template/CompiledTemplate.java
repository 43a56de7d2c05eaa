package io.mcpconfig.schemas.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A template parsed once and rendered many times. Immutable and thread-safe: jmustache's compiled
 * {@link Template} keeps no state between executions (its fetcher cache is concurrent).
 */
public final class CompiledTemplate {
    private final String source;
    private final Template template;
    private final Set<String> variables;

    CompiledTemplate(String source, Template template, Set<String> variables) {
        this.source = source;
        this.template = template;
        this.variables = Set.copyOf(variables);
    }

    /** The template text this was compiled from. */
    public String source() {
        return source;
    }

    /** The top-level names the template reads (variables and sections), e.g. {@code a} for {@code {{a.b}}}. */
    public Set<String> variables() {
        return variables;
    }

    /**
     * Renders with exactly these values: a name with no value renders empty, an empty value counts as
     * false in a section. Use {@link PromptTemplates#arguments} first to apply a prompt's contract.
     *
     * @throws TemplateSyntaxException when the template includes a partial (there are none to load)
     */
    public String render(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        try {
            return template.execute(values);
        } catch (MustacheException e) {
            throw new TemplateSyntaxException("cannot render: " + e.getMessage(), 0, e);
        }
    }

    /** Walks the parsed template (for validation). */
    void visit(Mustache.Visitor visitor) {
        template.visit(visitor);
    }
}
