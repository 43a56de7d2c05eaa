package io.mcpconfig.admin;

import java.util.List;
import java.util.Optional;

/** Reads config_history; rollback through the database's mcpconfig_rollback. */
final class HistoryStore {
    private HistoryStore() {}

    static List<ItemVersion> versions(Database db, Kind kind, Scope scope, String key) { throw new UnsupportedOperationException("next commit"); }
    static List<FieldChange> diff(Database db, Kind kind, Scope scope, String key, long from, long to) { throw new UnsupportedOperationException("next commit"); }
    static Optional<Item> rollback(Database db, Actor actor, Kind kind, Scope scope, String key, long toVersion, Long ifVersion) { throw new UnsupportedOperationException("next commit"); }
}
