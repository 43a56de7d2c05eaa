package io.mcpconfig.admin;

import java.util.List;

/**
 * Organizations: list, add, enable/disable, rename, remove. Thread-safe; every write is one
 * transaction attributed to its {@link Actor}. {@code ifVersion} null means "whatever is there".
 */
public final class Orgs {
    private final Database db;

    Orgs(Database db) {
        this.db = db;
    }

    /**
     * Every org whose id or display name contains {@code search} (case-insensitive; null or blank: all),
     * by id, with its number of overrides and its last change.
     */
    public List<Org> list(String search) {
        return OrgStore.list(db, search);
    }

    /** @throws NotFoundException when there is no such org */
    public Org get(String id) {
        return OrgStore.get(db, id);
    }

    /** @throws ConflictException when the org exists already; ValidationException for a bad id or name */
    public Org add(Actor actor, String id, String displayName) {
        return OrgStore.add(db, actor, id, displayName);
    }

    /** Turns the org's service on or off (an inactive org's view serves nothing). */
    public Org setActive(Actor actor, String id, boolean active, Long ifVersion) {
        return OrgStore.update(db, actor, id, null, active, ifVersion);
    }

    public Org rename(Actor actor, String id, String displayName, Long ifVersion) {
        return OrgStore.update(db, actor, id, displayName, null, ifVersion);
    }

    /** Deletes the org and all its overrides (each delete recorded in history, attributed to the actor). */
    public void remove(Actor actor, String id, Long ifVersion) {
        OrgStore.remove(db, actor, id, ifVersion);
    }
}
