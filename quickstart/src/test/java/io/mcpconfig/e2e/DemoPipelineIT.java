package io.mcpconfig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.quickstart.LocalStack;
import io.mcpconfig.schemas.db.ConfigSnapshot;
import io.mcpconfig.testkit.TestNames;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart's stack with the demo data: every org's view reaches the client as the merge rule says. */
class DemoPipelineIT {
    @TempDir
    static Path workDir;
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(workDir, TestNames.unique("demo"), true, -1);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyOrgOfTheDemoDataIsServedAsTheMergeRuleSays() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            try (Connection c = stack.connect()) {
                assertThat(Oracle.differences(ConfigSnapshot.read(c), stack.cache())).isEmpty();
            }
        });
        assertThat(stack.cache().forOrg("acme").prompts()).hasSize(7);
        assertThat(stack.cache().forOrg("umbrella").active()).isFalse();
    }
}
