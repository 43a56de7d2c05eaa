package io.mcpconfig.publisher;

import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Settings;
import java.time.Duration;

/**
 * {@code java -jar cdc-publisher.jar}: settings from the environment (see README), exit 2 with
 * one line on a bad setting, exit 1 if the publisher stops on its own (e.g. the slot is gone).
 */
public final class PublisherMain {
    private PublisherMain() {}

    public static void main(String[] args) throws InterruptedException {
        CdcPublisher publisher;
        try {
            publisher = CdcPublisher.start(PublisherConfig.fromSettings(Settings.fromEnvironment()));
        } catch (BadSettingException e) {
            System.err.println("cdc-publisher: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(publisher::close, "mcpconfig-publisher-shutdown"));
        publisher.awaitTermination(Duration.ofMillis(Long.MAX_VALUE));
        if (publisher.failure().isPresent()) {
            System.err.println("cdc-publisher: " + publisher.failure().get().getMessage());
            System.exit(1);
        }
    }
}
