package io.mcpconfig.publisher;

import io.mcpconfig.management.DeferredReadiness;
import io.mcpconfig.management.ManagementConfig;
import io.mcpconfig.management.ManagementServer;
import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Settings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar cdc-publisher.jar}: settings from the environment (see README), exit 2 with
 * one line on a bad setting, exit 1 if the publisher stops on its own (e.g. the slot is gone).
 * Serves {@code /health/*} and {@code /metrics} on {@code MCPCONFIG_MANAGEMENT_PORT} (9401), bound
 * before the start checks (a taken port is a bad setting too; a probe reads "starting" meanwhile).
 */
public final class PublisherMain {
    private PublisherMain() {}

    public static void main(String[] args) throws InterruptedException {
        CdcPublisher publisher;
        ManagementServer management;
        try {
            Settings settings = Settings.fromEnvironment();
            PublisherConfig config = PublisherConfig.fromSettings(settings);
            int port = ManagementConfig.fromSettings(settings, ManagementConfig.PUBLISHER_DEFAULT_PORT).port();
            PrometheusMeterRegistry registry = ManagementServer.newRegistry();
            DeferredReadiness readiness = new DeferredReadiness("cdc-publisher");
            management = ManagementServer.start(port, registry, readiness);
            try {
                publisher = CdcPublisher.start(config, registry);
            } catch (RuntimeException e) {
                management.close(); // its server thread would keep the JVM up
                throw e;
            }
            readiness.set(publisher::health);
            LoggerFactory.getLogger(PublisherMain.class).info(management.describe());
        } catch (BadSettingException e) {
            System.err.println("cdc-publisher: " + e.getMessage());
            System.exit(2);
            return;
        }
        ManagementServer endpoints = management;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            publisher.close();
            endpoints.close();
        }, "mcpconfig-publisher-shutdown"));
        publisher.awaitTermination(Duration.ofMillis(Long.MAX_VALUE));
        if (publisher.failure().isPresent()) {
            System.err.println("cdc-publisher: " + publisher.failure().get().getMessage());
            System.exit(1);
        }
    }
}
