package io.mcpconfig.admin;

import io.mcpconfig.schemas.Scopes;
import java.util.Objects;

/** Where an item lives: the defaults (every org inherits them) or one organization's overrides. */
public record Scope(String org) {
    public static final Scope DEFAULTS = new Scope(null);

    public static Scope org(String id) {
        return new Scope(Objects.requireNonNull(id, "org id"));
    }

    public boolean isDefaults() {
        return org == null;
    }

    /** The scope's name in history and on the change stream: the org id, or {@code _defaults}. */
    public String key() {
        return org == null ? Scopes.DEFAULTS : org;
    }

    @Override
    public String toString() {
        return org == null ? "defaults" : "org " + org;
    }
}
