package io.mcpconfig.admin;

import java.util.List;
import java.util.Optional;

/** Every version of an item (from {@code config_history}), diffs between versions, rollback. Thread-safe. */
public final class History {
    private final Database db;

    History(Database db) {
        this.db = db;
    }

    /** Oldest first. @throws NotFoundException when the item never existed in the scope */
    public List<ItemVersion> versions(Kind kind, Scope scope, String key) {
        return HistoryStore.versions(db, kind, scope, key);
    }

    /** The fields that differ from version {@code from} to version {@code to} (a delete is all fields empty). */
    public List<FieldChange> diff(Kind kind, Scope scope, String key, long from, long to) {
        return HistoryStore.diff(db, kind, scope, key, from, to);
    }

    /**
     * Writes version {@code toVersion}'s content back as a new version (history is never rewritten);
     * rolling back to a delete deletes the row again.
     *
     * @param ifVersion the current version the caller saw (the rollback fails with a conflict if it moved), null: no check
     * @return the item after the rollback, or empty when the rollback deleted the scope's row
     */
    public Optional<Item> rollback(Actor actor, Kind kind, Scope scope, String key, long toVersion, Long ifVersion) {
        return HistoryStore.rollback(db, actor, kind, scope, key, toVersion, ifVersion);
    }
}
