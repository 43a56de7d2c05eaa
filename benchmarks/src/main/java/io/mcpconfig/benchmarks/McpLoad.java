package io.mcpconfig.benchmarks;

import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.PromptArgument;
import io.mcpconfig.cache.Resource;
import io.mcpconfig.cache.Versions;
import io.mcpconfig.cache.ViewListener;
import io.mcpconfig.mcp.DemoToken;
import io.mcpconfig.mcp.McpConfigServer;
import io.mcpconfig.mcp.McpServerConfig;
import io.mcpconfig.mcp.OrgConfigSource;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on the MCP Streamable HTTP endpoint: {@code sessions} concurrent sessions spread over
 * {@code orgs} orgs, each a thread sending prompts/get (with a Mustache rendering) and prompts/list
 * in turn, back to back, for {@code seconds}; reports requests/s, p50/p99 per method and the heap
 * per session (after a full GC, with and without the sessions). The server runs in this JVM over a
 * fixed in-memory view per org (the cache's read path is measured by ReadPathBenchmark), so the
 * figures are the HTTP, SDK and rendering cost, client included: on a 2-core machine the load
 * generator competes with the server.
 *
 * <pre>
 * mvn -B -ntp -pl benchmarks -am package -DskipTests
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.mcpconfig.benchmarks.McpLoad [sessions orgs seconds]
 * </pre>
 */
public final class McpLoad {
    private static final String SECRET = "load-test-secret-of-at-least-thirty-two-bytes";
    private static final String ACCEPT = "application/json, text/event-stream";

    private McpLoad() {}

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int orgs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        try (McpConfigServer server = McpConfigServer.start(McpServerConfig.withSecret(0, SECRET), new FixedViews())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long heapBefore = usedHeap();
            List<Session> all = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                all.add(Session.open(http, server.endpoint(), DemoToken.issue(SECRET, "org", "org-" + (i % orgs), Duration.ofHours(1))));
            }
            long heapWith = usedHeap();
            AtomicLong stop = new AtomicLong(System.nanoTime() + Duration.ofSeconds(seconds + 5).toNanos());
            long measureFrom = System.nanoTime() + Duration.ofSeconds(5).toNanos(); // 5 s warm-up
            List<long[]> gets = new ArrayList<>();
            List<long[]> lists = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(sessions);
            List<Thread> threads = new ArrayList<>();
            ConcurrentHashMap<String, Integer> errors = new ConcurrentHashMap<>();
            for (Session s : all) {
                long[] g = new long[20_000];
                long[] l = new long[20_000];
                gets.add(g);
                lists.add(l);
                Thread t = new Thread(() -> {
                    int gi = 1;
                    int li = 1;
                    try {
                        for (int n = 0; System.nanoTime() < stop.get(); n++) {
                            boolean get = n % 2 == 0;
                            long t0 = System.nanoTime();
                            String body = get
                                    ? "{\"jsonrpc\":\"2.0\",\"id\":" + n + ",\"method\":\"prompts/get\",\"params\":{\"name\":\"review\","
                                            + "\"arguments\":{\"code\":\"int x = a < b ? 1 : 2;\",\"language\":\"Java\",\"focus\":\"style\"}}}"
                                    : "{\"jsonrpc\":\"2.0\",\"id\":" + n + ",\"method\":\"prompts/list\"}";
                            String response = s.post(body);
                            long took = System.nanoTime() - t0;
                            if (!response.contains("\"result\"")) {
                                errors.merge(get ? "prompts/get" : "prompts/list", 1, Integer::sum);
                            } else if (t0 >= measureFrom) {
                                long[] into = get ? g : l;
                                int i = get ? gi++ : li++;
                                if (i < into.length) {
                                    into[i] = took;
                                    into[0] = i;
                                }
                            }
                        }
                    } catch (Exception e) {
                        errors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    } finally {
                        done.countDown();
                    }
                });
                threads.add(t);
            }
            threads.forEach(Thread::start);
            done.await();
            report("prompts/get (rendered)", gets, seconds);
            report("prompts/list", lists, seconds);
            System.out.printf("sessions=%d orgs=%d heapWithoutSessionsMiB=%.1f heapWithSessionsMiB=%.1f perSessionKiB=%.1f errors=%s%n",
                    sessions, orgs, heapBefore / 1048576.0, heapWith / 1048576.0, (heapWith - heapBefore) / 1024.0 / sessions, errors);
        }
    }

    private static void report(String what, List<long[]> perThread, int seconds) {
        int count = perThread.stream().mapToInt(a -> (int) a[0]).sum();
        long[] all = new long[count];
        int at = 0;
        for (long[] a : perThread) {
            System.arraycopy(a, 1, all, at, (int) a[0]);
            at += (int) a[0];
        }
        Arrays.sort(all);
        System.out.printf("%-24s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d requests)%n", what, count / (double) seconds,
                count == 0 ? 0 : all[count / 2] / 1e6, count == 0 ? 0 : all[(int) (count * 0.99)] / 1e6, count);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** One initialized MCP session: its id and token go with every request. */
    private record Session(HttpClient http, URI endpoint, String token, String id) {
        static Session open(HttpClient http, URI endpoint, String token) throws Exception {
            HttpResponse<String> init = http.send(request(endpoint, token, null, """
                    {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25",
                     "capabilities":{},"clientInfo":{"name":"load","version":"1"}}}"""), HttpResponse.BodyHandlers.ofString());
            String id = init.headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new IllegalStateException(
                    "initialize failed: " + init.statusCode() + " " + init.body()));
            Session s = new Session(http, endpoint, token, id);
            s.http.send(request(endpoint, token, id, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                    HttpResponse.BodyHandlers.discarding());
            return s;
        }

        String post(String body) throws Exception {
            return http.send(request(endpoint, token, id, body), HttpResponse.BodyHandlers.ofString()).body();
        }

        private static HttpRequest request(URI endpoint, String token, String session, String body) {
            HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Accept", ACCEPT)
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (session != null) {
                b.header("Mcp-Session-Id", session).header("Mcp-Protocol-Version", "2025-11-25");
            }
            return b.build();
        }
    }

    /** Every org serves the same small view: 7 prompts (one with three arguments), 2 resources. */
    private static final class FixedViews implements OrgConfigSource {
        private final OrgView view;

        FixedViews() {
            Versions v = new Versions(1L, null);
            List<Prompt> prompts = new ArrayList<>();
            for (String name : List.of("a_summarize", "b_translate", "c_explain", "d_outline", "e_title", "f_tags")) {
                prompts.add(new Prompt(name, name, "about " + name, "Do " + name + " for {{text}}",
                        List.of(new PromptArgument("text", null, true)), v, "h-" + name));
            }
            prompts.add(new Prompt("review", "Code review", "Reviews code",
                    "Review this {{language}} code:\n{{code}}\n{{#focus}}Focus on: {{focus}}{{/focus}}",
                    List.of(new PromptArgument("code", "the code", true), new PromptArgument("language", null, false),
                            new PromptArgument("focus", null, false)), v, "h-review"));
            prompts.sort(java.util.Comparator.comparing(Prompt::name));
            List<Resource> resources = List.of(
                    new Resource("docs://policy", "policy", null, null, "text/markdown", "# Policy\n".repeat(50), null, v, "r1"),
                    new Resource("docs://style", "style", null, null, "text/markdown", "# Style\n".repeat(50), null, v, "r2"));
            view = new OrgView("_defaults", true, 1, Instant.now(), prompts, resources);
        }

        @Override
        public OrgView forOrg(String orgId) {
            return view;
        }

        @Override
        public AutoCloseable subscribe(ViewListener listener) {
            return () -> { };
        }
    }
}
