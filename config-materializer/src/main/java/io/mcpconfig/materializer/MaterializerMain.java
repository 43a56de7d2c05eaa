package io.mcpconfig.materializer;

import io.mcpconfig.management.DeferredReadiness;
import io.mcpconfig.management.ManagementConfig;
import io.mcpconfig.management.ManagementServer;
import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Settings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar config-materializer.jar}: settings from the environment (see
 * {@link MaterializerConfig#fromSettings}); a bad setting prints one line and exits with 2.
 * Serves {@code /health/*} and {@code /metrics} on {@code MCPCONFIG_MANAGEMENT_PORT} (9402).
 */
public final class MaterializerMain {
    private MaterializerMain() {}

    public static void main(String[] args) throws InterruptedException {
        MaterializerConfig config;
        int managementPort;
        try {
            Settings settings = Settings.fromEnvironment();
            config = MaterializerConfig.fromSettings(settings);
            managementPort = ManagementConfig.fromSettings(settings, ManagementConfig.MATERIALIZER_DEFAULT_PORT).port();
        } catch (BadSettingException e) {
            System.err.println("config-materializer: bad setting " + e.getMessage());
            System.exit(2);
            return;
        }
        PrometheusMeterRegistry registry = ManagementServer.newRegistry();
        DeferredReadiness readiness = new DeferredReadiness("config-materializer");
        ManagementServer management;
        try {
            management = ManagementServer.start(managementPort, registry, readiness);
        } catch (BadSettingException e) {
            System.err.println("config-materializer: bad setting " + e.getMessage());
            System.exit(2);
            return;
        }
        ConfigMaterializer materializer;
        try {
            materializer = ConfigMaterializer.start(config, registry);
        } catch (RuntimeException e) {
            management.close(); // its server thread would keep the JVM up
            throw e;
        }
        readiness.set(materializer::health);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            materializer.close();
            management.close();
            stopped.countDown();
        }, "materializer-shutdown"));
        stopped.await();
    }
}
