package io.mcpconfig.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.PromptArgument;
import io.mcpconfig.cache.PromptMessage;
import io.mcpconfig.cache.PromptMessage.Kind;
import io.mcpconfig.cache.PromptMessage.Role;
import io.mcpconfig.cache.Versions;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PromptRendererTest {
    private static final PromptArgument CODE = new PromptArgument("code", null, true);
    private static final PromptArgument LANG = new PromptArgument("lang", null, false);

    private static Prompt prompt(String template, PromptArgument... arguments) {
        return prompt("p", template, 1L, arguments);
    }

    private static Prompt prompt(String name, String template, long version, PromptArgument... arguments) {
        return new Prompt(name, null, null, template, List.of(arguments), new Versions(version, null), name + "-" + version);
    }

    private static OrgView view(long revision, Prompt... prompts) {
        return new OrgView("acme", true, revision, Instant.EPOCH, List.of(prompts), List.of());
    }

    @Test
    void values_are_inserted_verbatim_without_html_escaping() {
        assertThat(render(prompt("{{code}}", new PromptArgument("code", null, true)),
                Map.of("code", "a < b && c > \"d\" 'e'"))).isEqualTo("a < b && c > \"d\" 'e'");
    }

    @Test
    void a_missing_optional_argument_renders_empty_and_its_section_is_skipped() {
        Prompt p = prompt("[{{lang}}]{{#focus}} focus: {{focus}}{{/focus}}",
                new PromptArgument("lang", null, false), new PromptArgument("focus", null, false));
        assertThat(render(p, Map.of())).isEqualTo("[]");
        assertThat(render(p, Map.of("focus", ""))).isEqualTo("[]");
        assertThat(render(p, Map.of("focus", "x", "lang", "Go"))).isEqualTo("[Go] focus: x");
    }

    @Test
    void undeclared_arguments_and_variables_render_empty() {
        assertThat(render(prompt("a{{secret}}b"), Map.of("secret", "s"))).isEqualTo("ab");
    }

    @Test
    void a_missing_required_argument_is_invalid_params_naming_it() {
        assertThatThrownBy(() -> render(prompt("{{code}}", new PromptArgument("code", null, true)), null))
                .isInstanceOfSatisfying(McpError.class, e -> {
                    assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
                    assertThat(e.getMessage()).contains("'code'").contains("'p'");
                });
    }

    @Test
    void a_broken_template_is_an_internal_error_not_a_crash() {
        assertThatThrownBy(() -> render(prompt("{{#open}}never closed"), Map.of()))
                .isInstanceOfSatisfying(McpError.class,
                        e -> assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INTERNAL_ERROR));
    }

    @Test
    void a_broken_template_stays_an_internal_error_on_every_request() {
        Prompt broken = prompt("{{#open}}never closed");
        for (int request = 0; request < 2; request++) {
            assertThatThrownBy(() -> render(broken, Map.of()))
                    .isInstanceOfSatisfying(McpError.class, e -> assertThat(e.getMessage()).contains("'p'").contains("open"));
        }
    }

    @Test
    void a_prompt_object_is_compiled_once_and_a_new_view_version_compiles_only_what_changed() {
        Prompt kept = prompt("kept", "kept {{code}}", 1L, CODE);
        Prompt editedV1 = prompt("edited", "v1 {{code}}", 1L, CODE);
        OrgView v1 = view(1, editedV1, kept);
        PromptRenderer keptRenderer = PromptRenderer.of(v1.prompt("kept"));
        PromptRenderer editedV1Renderer = PromptRenderer.of(v1.prompt("edited"));
        assertThat(PromptRenderer.of(v1.prompt("kept"))).isSameAs(keptRenderer);

        // The cache hands the next version the same object for an unchanged prompt (interned).
        OrgView v2 = view(2, prompt("edited", "v2 {{code}}", 2L, CODE), kept);

        assertThat(PromptRenderer.of(v2.prompt("kept"))).isSameAs(keptRenderer);
        assertThat(PromptRenderer.of(v2.prompt("edited"))).isNotSameAs(editedV1Renderer);
        assertThat(render(v2.prompt("edited"), Map.of("code", "x"))).isEqualTo("v2 x");
        assertThat(render(v1.prompt("edited"), Map.of("code", "x"))).isEqualTo("v1 x");
    }

    @Test
    void a_chat_prompt_checks_the_arguments_once_and_renders_each_text_message_by_its_text() {
        Prompt chat = new Prompt("chat", null, null, "", List.of(CODE), List.of(
                new PromptMessage(Role.USER, Kind.TEXT, "Review {{code}}", null),
                new PromptMessage(Role.USER, Kind.RESOURCE, null, "policy://style"),
                new PromptMessage(Role.ASSISTANT, Kind.TEXT, "Reviewing {{code}}.", null)), new Versions(1L, null), "chat-1");

        UnaryOperator<String> render = PromptRenderer.of(chat).bind(Map.of("code", "f()"));

        assertThat(render.apply("Review {{code}}")).isEqualTo("Review f()");
        assertThat(render.apply("Reviewing {{code}}.")).isEqualTo("Reviewing f().");
        assertThatThrownBy(() -> render.apply("not one of its templates")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromptRenderer.of(chat).bind(Map.of()))
                .isInstanceOfSatisfying(McpError.class,
                        e -> assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS));
    }

    @Test
    void concurrent_requests_each_get_their_own_arguments_rendered_from_one_compilation() throws Exception {
        int threads = 8;
        int requests = 2_000;
        // Fresh objects: each thread's first call races the others to compile them.
        List<Prompt> prompts = List.of(prompt("a", "[{{code}}]{{#lang}} in {{lang}}{{/lang}}", 1L, CODE, LANG),
                prompt("b", "{{code}}/{{code}}", 1L, CODE));
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Set<PromptRenderer>>> seen = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                seen.add(pool.submit(() -> {
                    Set<PromptRenderer> renderers = Collections.newSetFromMap(new IdentityHashMap<>());
                    start.await(10, TimeUnit.SECONDS);
                    for (int i = 0; i < requests; i++) {
                        String code = thread + ":" + i;
                        Prompt a = prompts.get(0);
                        Prompt b = prompts.get(1);
                        renderers.add(PromptRenderer.of(a));
                        renderers.add(PromptRenderer.of(b));
                        assertThat(render(a, i % 2 == 0 ? Map.of("code", code) : Map.of("code", code, "lang", "Go")))
                                .isEqualTo(i % 2 == 0 ? "[" + code + "]" : "[" + code + "] in Go");
                        assertThat(render(b, Map.of("code", code))).isEqualTo(code + "/" + code);
                    }
                    return renderers;
                }));
            }
            Set<PromptRenderer> all = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<Set<PromptRenderer>> f : seen) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A template prompt's template rendered as prompts/get does: the prompt's renderer, bound to the arguments. */
    private static String render(Prompt prompt, Map<String, Object> arguments) {
        return PromptRenderer.of(prompt).bind(arguments).apply(prompt.template());
    }
}
