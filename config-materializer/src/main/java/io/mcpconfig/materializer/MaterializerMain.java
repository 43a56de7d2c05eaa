package io.mcpconfig.materializer;

import io.mcpconfig.management.DeferredReadiness;
import io.mcpconfig.management.ManagementConfig;
import io.mcpconfig.management.ManagementServer;
import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Settings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar config-materializer.jar}: settings from the environment (see
 * {@link MaterializerConfig#fromSettings}); a bad setting prints one line and exits with 2.
 * Serves {@code /health/*} and {@code /metrics} on {@code MCPCONFIG_MANAGEMENT_PORT} (9402), bound
 * before the topics are checked (a taken port is a bad setting too; a probe reads "starting" meanwhile).
 */
public final class MaterializerMain {
    private MaterializerMain() {}

    public static void main(String[] args) throws InterruptedException {
        MaterializerConfig config;
        ManagementServer management;
        PrometheusMeterRegistry registry = ManagementServer.newRegistry();
        DeferredReadiness readiness = new DeferredReadiness("config-materializer");
        try {
            Settings settings = Settings.fromEnvironment();
            config = MaterializerConfig.fromSettings(settings);
            int port = ManagementConfig.fromSettings(settings, ManagementConfig.MATERIALIZER_DEFAULT_PORT).port();
            management = ManagementServer.start(port, registry, readiness);
        } catch (BadSettingException e) {
            System.err.println("config-materializer: bad setting " + e.getMessage());
            System.exit(2);
            return;
        }
        ConfigMaterializer materializer;
        try {
            materializer = ConfigMaterializer.start(config, registry);
        } catch (BadSettingException e) { // a topic's setting, or Kafka refusing us
            management.close();
            System.err.println("config-materializer: bad setting " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            management.close(); // its server thread would keep the JVM up
            throw e;
        }
        readiness.set(materializer::health);
        LoggerFactory.getLogger(MaterializerMain.class).info(management.describe());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            materializer.close();
            management.close();
            stopped.countDown();
        }, "materializer-shutdown"));
        stopped.await();
    }
}
