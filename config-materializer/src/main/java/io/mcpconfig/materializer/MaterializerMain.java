package io.mcpconfig.materializer;

import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Settings;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar config-materializer.jar}: settings from the environment (see
 * {@link MaterializerConfig#fromSettings}); a bad setting prints one line and exits with 2.
 */
public final class MaterializerMain {
    private MaterializerMain() {}

    public static void main(String[] args) throws InterruptedException {
        ConfigMaterializer materializer;
        try {
            materializer = ConfigMaterializer.start(MaterializerConfig.fromSettings(Settings.fromEnvironment()));
        } catch (BadSettingException e) { // a setting, or a topic's setting, or Kafka refusing us
            System.err.println("config-materializer: bad setting " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            materializer.close();
            stopped.countDown();
        }, "materializer-shutdown"));
        stopped.await();
    }
}
