package io.mcpconfig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.admin.db.DemoData;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The end-to-end scenario against docker-compose.yml: official PostgreSQL and Apache Kafka images
 * and our services from their runnable jars (built by this same `mvn verify`, before this module).
 * Needs a Docker engine; where there is none it is skipped, saying so.
 */
class ComposeIT {
    @Test
    void aChangeInPostgresReachesAClientThroughTheComposedServices() throws Exception {
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine on this machine: the docker-compose scenario is skipped (the same scenario runs on "
                        + "embedded servers in DemoPipelineIT and OracleIT)");
        try (ComposeContainer compose = new ComposeContainer(new File("../docker-compose.yml"))
                .withExposedService("postgres", 5432, Wait.forListeningPort())
                .withExposedService("kafka", 29092, Wait.forListeningPort())) {
            compose.start();
            String jdbc = "jdbc:postgresql://" + compose.getServiceHost("postgres", 5432) + ":"
                    + compose.getServicePort("postgres", 5432) + "/mcpconfig";
            String bootstrap = compose.getServiceHost("kafka", 29092) + ":" + compose.getServicePort("kafka", 29092);
            // The publisher applies the migrations at its start; wait for them, then load the demo data.
            await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> {
                try (Connection c = DriverManager.getConnection(jdbc, "mcpconfig", "mcpconfig")) {
                    DemoData.load(c);
                    return true;
                }
            });
            try (ConfigCache cache = ConfigCache.builder().bootstrapServers(bootstrap).build();
                 Connection c = DriverManager.getConnection(jdbc, "mcpconfig", "mcpconfig");
                 Statement st = c.createStatement()) {
                await().atMost(Duration.ofMinutes(2)).until(() -> cache.forOrg("acme").prompts().size() == 7);
                st.execute("UPDATE organization_prompt SET template = 'compose {{code}}' WHERE org_id = 'acme' AND name = 'code_review'");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    Prompt p = cache.forOrg("acme").prompt("code_review");
                    assertThat(p.template()).isEqualTo("compose {{code}}");
                });
            }
        }
    }
}
