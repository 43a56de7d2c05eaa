package io.mcpconfig.admin;

import java.util.List;

/** Template checks of effective prompts, per scope. */
final class Validation {
    private Validation() {}

    static List<Problem> item(Database db, Kind kind, Scope scope, String key) { throw new UnsupportedOperationException("next commit"); }
    static List<Problem> scope(Database db, Scope scope) { throw new UnsupportedOperationException("next commit"); }
    static List<Problem> all(Database db) { throw new UnsupportedOperationException("next commit"); }
}
