package io.mcpconfig.console;

import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Settings;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar admin-console.jar}: the web console and its REST API, configured from
 * {@code MCPCONFIG_*} (see the README). Only wires, starts, adds a shutdown hook and closes; a bad
 * setting prints one line and exits 2.
 */
public final class ConsoleMain {
    private ConsoleMain() {}

    public static void main(String[] args) throws InterruptedException {
        ConsoleConfig config;
        try {
            config = ConsoleConfig.fromSettings(Settings.fromEnvironment());
        } catch (BadSettingException e) {
            System.err.println("admin-console: bad setting " + e.getMessage());
            System.exit(2);
            return;
        }
        AdminConsole console = AdminConsole.start(config);
        System.out.println("admin console: " + console.url());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.close();
            stopped.countDown();
        }, "admin-console-shutdown"));
        stopped.await();
    }
}
