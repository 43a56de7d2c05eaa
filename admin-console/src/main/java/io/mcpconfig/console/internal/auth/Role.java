package io.mcpconfig.console.internal.auth;

import java.util.Locale;
import java.util.Optional;

/** What a person may do, from the role claim of their token; each role includes the ones before it. */
public enum Role {
    /** Reads everything. */
    VIEWER,
    /** Also writes overrides of the orgs listed in the token (or of all orgs). */
    EDITOR,
    /** Also writes defaults and organizations, and imports bundles. */
    ADMIN;

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
