package io.mcpconfig.schemas;

/** Scope names: the Kafka key of a change or a view. */
public final class Scopes {
    /**
     * The scope of the default tables, and the key of the defaults-only view. An organization id
     * can never collide with it: the database requires org ids to start with [a-z0-9].
     */
    public static final String DEFAULTS = "_defaults";

    private Scopes() {}

    public static boolean isDefaults(String scope) {
        return DEFAULTS.equals(scope);
    }
}
