package io.mcpconfig.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.cache.CacheStatus;
import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.materializer.ConfigMaterializer;
import io.mcpconfig.materializer.MaterializerConfig;
import io.mcpconfig.publisher.CdcPublisher;
import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.topics.Topics;
import io.mcpconfig.testkit.KafkaBroker;
import io.mcpconfig.testkit.TestNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker that only takes SASL (PLAIN): every service and the cache connect with the passed-through credentials. */
class SaslIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static KafkaBroker broker;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.startWithSasl("mcpconfig", "mcpconfig-secret");
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void everyServiceAndTheCacheWorkWithCredentials() throws Exception {
        PipelineDb db = new PipelineDb("sasl");
        KafkaSettings kafka = KafkaSettings.of(broker.bootstrapServers(), Topics.withPrefix(TestNames.unique("sasl"), 2))
                .withClientProperties(broker.clientProperties());
        try (ConfigMaterializer materializer = ConfigMaterializer.start(MaterializerConfig.of(kafka, stateDir));
             CdcPublisher publisher = CdcPublisher.start(db.publisher(kafka));
             ConfigCache cache = ConfigCache.builder().kafka(kafka).build()) {
            await().atMost(WAIT).until(() -> cache.orgIds().containsAll(List.of("acme", "globex")));
            db.sql("UPDATE organization_prompt SET template = 'Acme over SASL {{code}}' WHERE org_id = 'acme' AND name = 'code_review'");
            await().atMost(WAIT).until(() -> "Acme over SASL {{code}}".equals(cache.forOrg("acme").prompt("code_review").template()));
            assertThat(materializer.state().isRunningOrRebalancing()).isTrue();
            assertThat(publisher.failure()).isEmpty();
        }
    }

    @Test
    void aWrongPasswordStopsEachServiceWithOneLineAndTheCacheReportsIt() throws Exception {
        PipelineDb db = new PipelineDb("sasl_wrong");
        KafkaSettings kafka = KafkaSettings.of(broker.bootstrapServers(), Topics.withPrefix(TestNames.unique("sasl_wrong"), 2))
                .withClientProperties(KafkaBroker.saslClientProperties("mcpconfig", "wrong"));
        String start = "MCPCONFIG_KAFKA_SASL_JAAS_CONFIG: Kafka at " + broker.bootstrapServers() + " refused our credentials (";

        assertThatThrownBy(() -> ConfigMaterializer.start(MaterializerConfig.of(kafka, stateDir)).close())
                .isInstanceOf(BadSettingException.class).hasMessageStartingWith(start).hasMessageNotContaining("\n");
        assertThatThrownBy(() -> CdcPublisher.start(db.publisher(kafka)).close())
                .isInstanceOf(BadSettingException.class).hasMessageStartingWith(start).hasMessageNotContaining("\n");
        try (ConfigCache cache = ConfigCache.builder().kafka(kafka).build()) {
            await().atMost(WAIT).until(() -> cache.status() == CacheStatus.MISCONFIGURED);
            assertThat(cache.problem()).hasValueSatisfying(line -> assertThat(line).startsWith(start));
            assertThatThrownBy(() -> cache.awaitReady(WAIT)).isInstanceOf(IllegalStateException.class).hasMessageStartingWith(start);
        }
    }
}
