package io.mcpconfig.cache.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Wakes threads waiting for the cache to reach a state (ready, live, a revision). The consumer
 * signals after each batch; readers of views never touch this lock.
 */
final class Progress {
    private final Object lock = new Object();

    void signal() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** @return whether {@code reached} became true (checked after every signal) before the timeout */
    boolean await(BooleanSupplier reached, BooleanSupplier abandoned, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!reached.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || abandoned.getAsBoolean()) {
                    return false;
                }
                // No lost wake-up: state changes before signal(), which needs this lock we hold.
                lock.wait(Math.max(1, Duration.ofNanos(left).toMillis()));
            }
            return true;
        }
    }
}
