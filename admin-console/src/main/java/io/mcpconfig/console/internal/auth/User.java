package io.mcpconfig.console.internal.auth;

import java.util.Objects;
import java.util.Set;

/**
 * The person behind a request, as their token says: the subject is who every write is attributed
 * to. The permission checks live here and only here.
 *
 * @param subject   the token's {@code sub}; the actor of every write
 * @param orgs      the orgs an editor may override; ignored when {@code allOrgs}
 * @param allOrgs   the token's orgs claim was {@code "*"}
 */
public record User(String subject, Role role, Set<String> orgs, boolean allOrgs) {
    public User {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        orgs = Set.copyOf(orgs);
    }

    public boolean canEditOrg(String orgId) {
        return role == Role.ADMIN || (role == Role.EDITOR && (allOrgs || orgs.contains(orgId)));
    }

    /** Defaults, organizations themselves, and bundle imports. */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether any write button should be shown at all. */
    public boolean canWriteSomething() {
        return role != Role.VIEWER;
    }

    /** What the page header says. */
    public String describe() {
        String scope = switch (role) {
            case ADMIN -> "admin";
            case EDITOR -> "editor of " + (allOrgs ? "all orgs" : String.join(", ", orgs.stream().sorted().toList()));
            case VIEWER -> "viewer";
        };
        return subject + " (" + scope + ")";
    }
}
