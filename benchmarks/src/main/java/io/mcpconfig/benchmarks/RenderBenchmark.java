package io.mcpconfig.benchmarks;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.internal.OfflineCache;
import io.mcpconfig.mcp.internal.PromptsGet;
import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.PromptArgument;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.merge.ContentHash;
import io.mcpconfig.schemas.serde.AvroSerdes;
import io.mcpconfig.schemas.template.CompiledTemplate;
import io.mcpconfig.schemas.template.PromptTemplates;
import io.mcpconfig.schemas.template.TemplateArgument;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A {@code prompts/get} as mcp-server answers it ({@code promptsGet}: the org's view, the prompt,
 * its templates compiled once per prompt object, the request's arguments checked, the template
 * rendered, the result built; mcp-server's own code through {@link PromptsGet}), against the same
 * request compiling the template on every call ({@code compilePerCall}), and against the path it
 * replaced ({@code synchronizedMemoPerCall}: {@code PromptTemplates.compile} found the template in a
 * memo by text, one {@code synchronized} LRU map that every request locked; reproduced here).
 *
 * <p>{@value #ORGS} orgs, each serving the defaults' {@value #PROMPTS} prompts with one of them
 * overridden, decoded and interned by {@link OfflineCache} as a Kafka-fed cache would (so ~1,020
 * distinct prompt objects, as many compiled entries). Each call takes the next (org, prompt) pair of
 * a precomputed table, the same for every benchmark. Templates are production-sized (~0.5 KiB,
 * three arguments, a section). Run with {@code -t 2} as well: two threads then contend for the
 * synchronized memo's lock, and the compiled-once path has none.
 *
 * <pre>
 * mvn -B -ntp -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar RenderBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
 * java -jar benchmarks/target/benchmarks.jar RenderBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc -t 2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RenderBenchmark {
    static final int ORGS = 1_000;
    static final int PROMPTS = 20;
    private static final int PAIRS = 1 << 12; // power of two: the index wraps with a mask
    private static final String TEMPLATE = "Review the following {{language}} code for correctness, security and style.\n"
            + "{{#focus}}Pay particular attention to: {{focus}}.\n{{/focus}}"
            + "Answer precisely, cite the lines you refer to, and say so when unsure. ".repeat(5)
            + "\n\nCode:\n{{code}}\n";
    private static final Map<String, Object> ARGUMENTS = Map.of("language", "Java", "focus", "null handling",
            "code", "int f(String s) { return s.length(); }");

    private ConfigCache cache;
    private final OrgView[] views = new OrgView[PAIRS];
    private final McpSchema.GetPromptRequest[] requests = new McpSchema.GetPromptRequest[PAIRS];
    private final SynchronizedMemo memo = new SynchronizedMemo();

    @Setup(Level.Trial)
    public void setUp() {
        List<byte[]> records = new ArrayList<>();
        records.add(AvroSerdes.orgView().serialize("views", view(Scopes.DEFAULTS, 1, -1)));
        for (int i = 0; i < ORGS; i++) {
            records.add(AvroSerdes.orgView().serialize("views", view("org-" + i, 10 + i, i % PROMPTS)));
        }
        cache = OfflineCache.of(records);
        Random random = new Random(42);
        for (int k = 0; k < PAIRS; k++) {
            views[k] = cache.forOrg("org-" + random.nextInt(ORGS));
            requests[k] = new McpSchema.GetPromptRequest("prompt-" + random.nextInt(PROMPTS), ARGUMENTS);
            if (views[k].prompt(requests[k].name()) == null) {
                throw new IllegalStateException("benchmark setup: " + views[k].orgId() + " has no " + requests[k].name());
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cache.close();
    }


    @Benchmark
    public McpSchema.GetPromptResult promptsGet(Cursor cursor) {
        int k = cursor.next(PAIRS - 1);
        return PromptsGet.get(views[k], requests[k]);
    }

    @Benchmark
    public McpSchema.GetPromptResult compilePerCall(Cursor cursor) {
        int k = cursor.next(PAIRS - 1);
        return getCompilingWith(PromptTemplates::compile, views[k], requests[k]);
    }

    @Benchmark
    public McpSchema.GetPromptResult synchronizedMemoPerCall(Cursor cursor) {
        int k = cursor.next(PAIRS - 1);
        return getCompilingWith(memo::compile, views[k], requests[k]);
    }

    /** mcp-server's prompts/get before decision 17, step for step, with {@code compile} in place of PromptTemplates.compile. */
    private static McpSchema.GetPromptResult getCompilingWith(Function<String, CompiledTemplate> compile, OrgView view,
            McpSchema.GetPromptRequest request) {
        Prompt prompt = view.prompt(request.name());
        List<TemplateArgument> declared = prompt.arguments().stream()
                .map(a -> new TemplateArgument(a.name(), a.required())).toList();
        Map<String, String> values = PromptTemplates.arguments(declared, request.arguments());
        String text = compile.apply(prompt.template()).render(values);
        return new McpSchema.GetPromptResult(prompt.description(),
                List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
    }

    /** The memo {@code PromptTemplates.compile} had until decision 17: LRU by text, 4,096 entries, one lock. */
    private static final class SynchronizedMemo {
        private final Map<String, CompiledTemplate> memo = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompiledTemplate> eldest) {
                return size() > 4096;
            }
        };

        CompiledTemplate compile(String source) {
            synchronized (memo) {
                CompiledTemplate known = memo.get(source);
                if (known != null) {
                    return known;
                }
            }
            CompiledTemplate compiled = PromptTemplates.compile(source);
            synchronized (memo) {
                memo.put(source, compiled);
            }
            return compiled;
        }
    }

    /** An org's view record: the defaults' prompts, prompt {@code overridden} with the org's own text. */
    private static io.mcpconfig.schemas.avro.OrgView view(String orgId, long revision, int overridden) {
        List<ViewPrompt> prompts = new ArrayList<>();
        for (int p = 0; p < PROMPTS; p++) {
            boolean own = p == overridden;
            ViewPrompt vp = ViewPrompt.newBuilder().setName("prompt-" + p).setTitle("Prompt " + p).setDescription(null)
                    .setTemplate((own ? orgId + " asks: " : "") + "Prompt " + p + ". " + TEMPLATE)
                    .setArguments(List.of(argument("language", false), argument("focus", false), argument("code", true)))
                    .setDefaultVersion(1L).setOverrideVersion(own ? revision : null).setContentHash("").build();
            vp.setContentHash(ContentHash.of(vp));
            prompts.add(vp);
        }
        return io.mcpconfig.schemas.avro.OrgView.newBuilder().setOrgId(orgId).setActive(true).setRevision(revision)
                .setUpdatedAt(Instant.EPOCH).setPrompts(prompts).setResources(List.of()).setOmitted(List.of()).build();
    }

    private static PromptArgument argument(String name, boolean required) {
        return PromptArgument.newBuilder().setName(name).setDescription(null).setRequired(required).build();
    }
}
