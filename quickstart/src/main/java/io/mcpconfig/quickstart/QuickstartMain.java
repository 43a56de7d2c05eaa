package io.mcpconfig.quickstart;

import io.mcpconfig.cache.ViewChange;
import io.mcpconfig.console.AdminConsole;
import io.mcpconfig.console.ConsoleConfig;
import io.mcpconfig.schemas.config.KafkaSettings;
import java.net.URI;
import io.mcpconfig.mcp.DemoToken;
import io.mcpconfig.mcp.McpServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The quickstart: the whole pipeline on embedded servers, the demo data loaded, one change made
 * live and timed, then it keeps running so you can make your own changes with psql and watch them
 * arrive. Ctrl-C stops everything. Run it with {@code ./quickstart.sh} (see the README).
 */
public final class QuickstartMain {
    /** The MCP server's port; falls back to any free port if taken. */
    static final int MCP_PORT = 8080;
    /** The admin console's port; falls back to any free port if taken. */
    static final int CONSOLE_PORT = 8090;

    private QuickstartMain() {}

    public static void main(String[] args) throws Exception {
        boolean exitAfterDemo = args.length > 0 && args[0].equals("--exit-after-demo");
        Path workDir = workDir();
        say("Starting PostgreSQL 17, a Kafka broker, the publisher, the materializer and a client cache...");
        long start = System.nanoTime();
        LocalStack stack = LocalStack.start(workDir, "mcpconfig", true, freeOrAny(MCP_PORT));
        AdminConsole console = startConsole(stack);
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            // Once only, in order (MCP server, cache, materializer, publisher, Kafka, PostgreSQL): the
            // servers' own shutdown hooks would otherwise stop them while the publisher still runs.
            if (stopped.getCount() > 0) {
                say("Stopping...");
                console.close();
                stack.close(); // deletes workDir too
                stopped.countDown();
            }
        };
        for (String signal : new String[] {"INT", "TERM"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> {
                stop.run();
                System.exit(0);
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "quickstart-shutdown"));
        say("Everything is up in %d ms.", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));

        DemoChange.awaitDemoViews(stack, Duration.ofMinutes(1));
        say("The client cache serves %d organizations; acme has %d prompts and %d resources.",
                stack.cache().orgIds().size(), stack.cache().forOrg("acme").prompts().size(),
                stack.cache().forOrg("acme").resources().size());

        DemoChange.Result demo = DemoChange.run(stack, "quickstart edit at " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
        say("Live change: acme's code_review template updated in PostgreSQL; the client cache had it %.1f ms after the commit.",
                demo.latencyMillis());
        say("  %s", demo.change());

        stack.cache().addListener(QuickstartMain::printChange);
        printConsole(console);
        printHowToConnect(stack);
        if (exitAfterDemo) {
            stop.run();
            System.exit(0);
        }
        stopped.await();
    }

    private static void printChange(ViewChange change) {
        long ageMs = Duration.between(change.after().updatedAt(), Instant.now()).toMillis();
        say("change for %s (revision %d, %d ms after its commit): prompts +%s -%s ~%s, resources +%s -%s ~%s%s",
                change.orgId(), change.newRevision(), ageMs, change.promptsAdded(), change.promptsRemoved(),
                change.promptsChanged(), change.resourcesAdded(), change.resourcesRemoved(), change.resourcesChanged(),
                change.removed() ? " (org deleted: it now gets the defaults)" : change.deactivated() ? " (org deactivated)" : "");
    }

    private static void printHowToConnect(LocalStack stack) throws Exception {
        String psql = "psql \"postgresql://" + stack.postgres().user() + ":" + stack.postgres().password() + "@localhost:"
                + stack.postgres().port() + "/" + LocalStack.DATABASE + "\"";
        say("");
        say("Connect and change something; every change is printed here as it reaches the client cache:");
        say("  database (JDBC) : %s (user %s, password %s)", stack.jdbcUrl(), stack.postgres().user(), stack.postgres().password());
        say("  psql            : %s", psql);
        say("  Kafka bootstrap : %s (topics %s, %s)", stack.kafka().bootstrapServers(),
                stack.topics().changes().name(), stack.topics().views().name());
        say("  try             : %s -c \"UPDATE organization_prompt SET template = 'Hi {{code}}' WHERE org_id = 'acme' AND name = 'code_review'\"", psql);
        say("  mcpconfig CLI   : build it once with: mvn -B -ntp -q -DskipTests package -pl cli -am; then, in another shell:");
        say("    export MCPCONFIG_DB_URL='%s' MCPCONFIG_DB_USER=%s MCPCONFIG_DB_PASSWORD=%s MCPCONFIG_KAFKA_BOOTSTRAP=%s MCPCONFIG_TOPIC_PREFIX=%s",
                stack.jdbcUrl(), stack.postgres().user(), stack.postgres().password(), stack.kafka().bootstrapServers(),
                stack.topics().prefix());
        say("    bin/mcpconfig prompts show code_review --org acme; bin/mcpconfig audit --org acme; bin/mcpconfig status");
        say("  MCP endpoint    : %s (Streamable HTTP; send Authorization: Bearer <token>)", stack.mcpServer().endpoint());
        for (String org : new String[] {"acme", "globex"}) {
            say("  token for %-6s: %s", org, DemoToken.issue(stack.jwtSecret(), McpServerConfig.DEFAULT_ORG_CLAIM, org, Duration.ofHours(24)));
        }
        say("Ctrl-C stops everything.");
    }

    /**
     * A fresh folder of this run under {@code .mcpconfig/} in the current directory (git-ignored),
     * removed at the end. Not under /tmp: Kafka Streams warns at start about a state directory
     * the OS may clean up, which a new user reads as trouble.
     */
    private static Path workDir() throws java.io.IOException {
        Path base = Files.createDirectories(Path.of(".mcpconfig").toAbsolutePath());
        return Files.createTempDirectory(base, "quickstart-");
    }

    /** The admin console on loopback with the demo login (demo-admin, demo-editor of acme, demo-viewer). */
    private static AdminConsole startConsole(LocalStack stack) {
        int port = freeOrAny(CONSOLE_PORT);
        return AdminConsole.start(new ConsoleConfig("127.0.0.1", port, URI.create("http://localhost:" + port),
                stack.jdbcUrl(), stack.postgres().user(), stack.postgres().password(),
                KafkaSettings.of(stack.kafka().bootstrapServers(), stack.topics()), LocalStack.SLOT, 0,
                null, null, null, null, "mcpconfig_role", "mcpconfig_orgs", true));
    }

    private static void printConsole(AdminConsole console) {
        say("");
        say("  admin console   : %s (demo login, this machine only: demo-admin, demo-editor of acme, demo-viewer)", console.url());
    }

    private static int freeOrAny(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(port)) {
            return port;
        } catch (java.io.IOException taken) {
            return 0;
        }
    }

    static void say(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(format, args));
        System.out.flush();
    }
}
