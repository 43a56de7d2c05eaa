package io.mcpconfig.benchmarks;

import io.mcpconfig.schemas.template.CompiledTemplate;
import io.mcpconfig.schemas.template.PromptTemplates;
import io.mcpconfig.schemas.template.TemplateArgument;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A {@code prompts/get}'s rendering with the one shared renderer ({@code io.mcpconfig.schemas.template}):
 * applying the prompt's argument contract and rendering a template compiled once and held (once per
 * view version), against calling {@code PromptTemplates.compile} on every request as mcp-server's
 * {@code PromptRenderer} does: that finds the template parsed earlier in the renderer's memo (keyed
 * by the template text), so it parses once per text too, and costs only the memo lookup. The
 * template is production-sized (~0.5 KiB, three arguments, a section).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RenderBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RenderBenchmark {
    private static final String TEMPLATE = "Review the following {{language}} code for correctness, security and style.\n"
            + "{{#focus}}Pay particular attention to: {{focus}}.\n{{/focus}}"
            + "Answer precisely, cite the lines you refer to, and say so when unsure. ".repeat(5)
            + "\n\nCode:\n{{code}}\n";
    private static final List<TemplateArgument> DECLARED = List.of(new TemplateArgument("language", false),
            new TemplateArgument("focus", false), new TemplateArgument("code", true));
    private static final Map<String, Object> REQUEST = Map.of("language", "Java", "focus", "null handling",
            "code", "int f(String s) { return s.length(); }");

    private CompiledTemplate compiled;

    @Setup
    public void setUp() {
        compiled = PromptTemplates.compile(TEMPLATE);
    }

    @Benchmark
    public String renderCompiledOnce() {
        return compiled.render(PromptTemplates.arguments(DECLARED, REQUEST));
    }

    @Benchmark
    public String compileThroughMemoPerCall() {
        return PromptTemplates.compile(TEMPLATE).render(PromptTemplates.arguments(DECLARED, REQUEST));
    }
}
