package io.mcpconfig.management;

/**
 * What a service says about itself when asked by {@code /health/ready} or {@code /health/live}.
 * Called on the management server's threads at every probe: it must be quick and never block on
 * the network (read state the service already holds).
 */
@FunctionalInterface
public interface Readiness {
    Health check();
}
