package io.mcpconfig.management;

import java.util.Objects;

/**
 * The readiness of a service that is still being started: NOT_READY "starting" until the service's
 * own check is {@link #set}. Lets a main serve {@code /health/*} and {@code /metrics} while the
 * service's start blocks on its checks (database, broker, topics). Thread-safe.
 */
public final class DeferredReadiness implements Readiness {
    private final String what;
    private volatile Readiness delegate;

    /** @param what the service's name for the "starting" reason, e.g. "cdc-publisher" */
    public DeferredReadiness(String what) {
        this.what = Objects.requireNonNull(what, "what");
    }

    public void set(Readiness readiness) {
        this.delegate = Objects.requireNonNull(readiness, "readiness");
    }

    @Override
    public Health check() {
        Readiness current = delegate;
        return current == null ? Health.notReady(what + " starting") : current.check();
    }
}
