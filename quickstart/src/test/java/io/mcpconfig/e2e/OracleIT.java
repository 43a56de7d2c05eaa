package io.mcpconfig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpconfig.cache.ListenerRegistration;
import io.mcpconfig.quickstart.LocalStack;
import io.mcpconfig.admin.db.ConfigSnapshot;
import io.mcpconfig.testkit.TestNames;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end oracle: a seeded random workload over real PostgreSQL, through the real publisher,
 * materializer and client cache; at the end the client serves, for every org, exactly what the
 * merge rule gives for a direct SQL read, and no client ever saw a version go backwards.
 * Replay a failure with {@code -Doracle.seed=<seed printed by the failing run>}.
 */
class OracleIT {
    private static final int ORGS = 60;
    private static final int STEPS = 400;

    @Test
    void clientConvergesToTheMergeRuleOfTheDatabase(@TempDir Path workDir) throws Exception {
        long seed = Long.getLong("oracle.seed", System.nanoTime());
        System.out.println("OracleIT seed: " + seed + " (replay with -Doracle.seed=" + seed + ")");
        Workload workload = new Workload(seed, ORGS);
        VersionWatch watch = new VersionWatch();
        try (LocalStack stack = LocalStack.start(workDir, TestNames.unique("oracle"), false, -1);
             ListenerRegistration ignored = stack.cache().addListener(watch);
             Connection c = stack.connect()) {
            workload.seed(c);
            workload.run(c, STEPS);

            await("client converges to the database (seed " + seed + ")").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                            assertThat(Oracle.differences(ConfigSnapshot.read(c), stack.cache())).isEmpty());
            assertThat(watch.regressions).as("seed " + seed).isEmpty();
            assertThat(stack.cache().orgIds()).as("some orgs survive the workload").isNotEmpty();
        }
    }
}
