package io.mcpconfig.schemas.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles, validates and prepares arguments for prompt templates (Mustache). Decisions (see
 * docs/decisions/mcp-server.md): no HTML escaping (prompts are plain text for a model, and "&lt;"
 * would corrupt code); a variable with no value renders empty and an empty value counts as false
 * in a section, so optional arguments can be guarded with {{#arg}}...{{/arg}}. Thread-safe.
 */
public final class PromptTemplates {
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .defaultValue("")
            .emptyStringIsFalse(true);
    private static final Pattern PARSER_LINE = Pattern.compile("@ line (\\d+)");
    /** Names jmustache gives a meaning of its own inside sections: never an argument. */
    private static final Set<String> SPECIAL_NAMES = Set.of(".", "this", "-first", "-last", "-index");

    private PromptTemplates() {}

    /**
     * Parses a template, on every call: there is no memo here. A caller that renders the same
     * template many times holds what this returns (mcp-server keeps it with the prompt it came from,
     * decision 17 in docs/decisions/mcp-server.md); a global memo would be one more lock or cache on
     * every caller's path, for the CLI, the console and validation, which parse a template once.
     *
     * @throws TemplateSyntaxException when it is not valid Mustache, with the line
     */
    public static CompiledTemplate compile(String source) {
        Template template;
        try {
            template = COMPILER.compile(source);
        } catch (MustacheException e) {
            Matcher m = PARSER_LINE.matcher(String.valueOf(e.getMessage()));
            int line = m.find() ? Integer.parseInt(m.group(1)) : 0;
            String message = String.valueOf(e.getMessage()).replaceFirst("\\s*@ line \\d+$", "");
            throw new TemplateSyntaxException("not valid Mustache: " + message, line, e);
        }
        Set<String> variables = new LinkedHashSet<>();
        template.visit(new TagScan.Names(variables, new LinkedHashSet<>()));
        variables.removeIf(SPECIAL_NAMES::contains);
        return new CompiledTemplate(source, template, variables);
    }

    /**
     * Everything wrong with a template against the arguments its prompt declares: does not compile
     * (then nothing else is checked), includes a partial, uses an undeclared variable, never uses a
     * required argument. Empty when the template is fine.
     */
    public static List<TemplateProblem> validate(String source, List<TemplateArgument> declared) {
        CompiledTemplate compiled;
        try {
            compiled = compile(source);
        } catch (TemplateSyntaxException e) {
            return List.of(new TemplateProblem(TemplateProblem.Kind.SYNTAX, e.line(), e.getMessage()));
        }
        List<TemplateProblem> problems = new ArrayList<>();
        for (String partial : TagScan.partials(compiled)) {
            problems.add(new TemplateProblem(TemplateProblem.Kind.PARTIAL, TagScan.lineOf(source, partial, ">"),
                    "includes partial '" + partial + "', but prompts have no partials"));
        }
        Set<String> names = new HashSet<>();
        declared.forEach(a -> names.add(a.name()));
        for (String variable : compiled.variables()) {
            if (!names.contains(variable)) {
                problems.add(new TemplateProblem(TemplateProblem.Kind.UNDECLARED_VARIABLE, TagScan.lineOf(source, variable, null),
                        "uses '" + variable + "', which no argument declares"));
            }
        }
        for (TemplateArgument argument : declared) {
            if (argument.required() && !compiled.variables().contains(argument.name())) {
                problems.add(new TemplateProblem(TemplateProblem.Kind.UNUSED_REQUIRED_ARGUMENT, 0,
                        "never uses required argument '" + argument.name() + "'"));
            }
        }
        return List.copyOf(problems);
    }

    /**
     * The values a template sees for one request: the declared arguments' values as strings, nothing
     * else (a template sees only its own contract; undeclared extras are ignored).
     *
     * @param given the caller's arguments; may be null (none)
     * @throws MissingArgumentException when a required argument is absent or null
     */
    public static Map<String, String> arguments(List<TemplateArgument> declared, Map<String, ?> given) {
        Map<String, String> values = new HashMap<>();
        for (TemplateArgument argument : declared) {
            Object value = given == null ? null : given.get(argument.name());
            if (value == null) {
                if (argument.required()) {
                    throw new MissingArgumentException(argument.name());
                }
                continue;
            }
            values.put(argument.name(), String.valueOf(value));
        }
        return values;
    }
}
