package io.mcpconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.admin.db.DemoData;
import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.materializer.ConfigMaterializer;
import io.mcpconfig.materializer.MaterializerConfig;
import io.mcpconfig.publisher.CdcPublisher;
import io.mcpconfig.publisher.PublisherConfig;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.TestNames;
import io.mcpconfig.testkit.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An admin session through the command (add org, override, toggle, unset, rollback) whose every
 * step reaches a client cache over the real pipeline: PostgreSQL -> publisher -> materializer -> cache.
 */
class AdminSessionIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path stateDir;

    @Test
    void each_step_of_an_admin_session_reaches_a_client_cache() throws Exception {
        TestDb db = new TestDb("cli_session");
        try (Connection c = db.connect()) {
            DemoData.load(c);
        }
        KafkaBroker kafka = TestServers.kafka();
        Topics topics = Topics.withPrefix(TestNames.unique("cli_session"), 2);
        PublisherConfig publisherConfig = PublisherConfig.of(db.url, db.server.user(), db.server.password(), kafka.bootstrapServers(),
                topics, TestNames.unique("cli_slot")).withDebeziumOverrides(Map.of("slot.drop.on.stop", "true"));
        Cli alice = new Cli(db.environment("alice"));
        try (CdcPublisher publisher = CdcPublisher.start(publisherConfig);
             ConfigMaterializer materializer = ConfigMaterializer.start(MaterializerConfig.of(kafka.bootstrapServers(), topics, stateDir));
             ConfigCache cache = ConfigCache.builder().bootstrapServers(kafka.bootstrapServers()).topics(topics).build()) {
            await().atMost(WAIT).until(() -> cache.orgIds().contains("acme"));
            String defaultTemplate = cache.forOrg("_defaults").prompt("code_review").template();

            ok(alice.run("orgs", "add", "newco", "--name", "NewCo"));
            await().atMost(WAIT).until(() -> cache.orgIds().contains("newco"));
            assertThat(template(cache, "newco")).isEqualTo(defaultTemplate);

            ok(alice.run("prompts", "set", "code_review", "--org", "newco", "--template", "NewCo reviews {{code}}", "--if-version", "0"));
            await().atMost(WAIT).until(() -> "NewCo reviews {{code}}".equals(template(cache, "newco")));

            ok(alice.run("orgs", "disable", "newco"));
            await().atMost(WAIT).until(() -> !cache.forOrg("newco").active());
            assertThat(cache.forOrg("newco").prompts()).isEmpty();
            ok(alice.run("orgs", "enable", "newco"));
            await().atMost(WAIT).until(() -> cache.forOrg("newco").active());

            ok(alice.run("prompts", "unset", "code_review", "--org", "newco", "--field", "template", "--if-version", "1"));
            await().atMost(WAIT).until(() -> defaultTemplate.equals(template(cache, "newco")));

            Cli.Result rollback = alice.run("rollback", "prompt", "code_review", "--org", "newco", "--to-version", "1", "--yes");
            ok(rollback);
            assertThat(rollback.out()).contains("template: - -> NewCo reviews {{code}}");
            await().atMost(WAIT).until(() -> "NewCo reviews {{code}}".equals(template(cache, "newco")));
            Prompt served = cache.forOrg("newco").prompt("code_review");
            assertThat(served.versions().ofOverride()).isEqualTo(3L);

            Cli.Result history = alice.run("history", "prompt", "code_review", "--org", "newco");
            assertThat(history.out()).containsPattern("3\\s+update\\s+\\S+\\s+alice");
        }
    }

    private static String template(ConfigCache cache, String org) {
        OrgView view = cache.forOrg(org);
        Prompt p = view.prompt("code_review");
        return p == null ? null : p.template();
    }

    private static void ok(Cli.Result r) {
        assertThat(r.exitCode()).as(r.err()).isZero();
    }
}
