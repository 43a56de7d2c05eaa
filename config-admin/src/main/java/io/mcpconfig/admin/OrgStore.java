package io.mcpconfig.admin;

import java.util.List;

/** SQL for organizations. */
final class OrgStore {
    private OrgStore() {}

    static List<Org> list(Database db, String search) { throw new UnsupportedOperationException("next commit"); }
    static Org get(Database db, String id) { throw new UnsupportedOperationException("next commit"); }
    static Org add(Database db, Actor actor, String id, String displayName) { throw new UnsupportedOperationException("next commit"); }
    static Org update(Database db, Actor actor, String id, String displayName, Boolean active, Long ifVersion) { throw new UnsupportedOperationException("next commit"); }
    static void remove(Database db, Actor actor, String id, Long ifVersion) { throw new UnsupportedOperationException("next commit"); }
}
