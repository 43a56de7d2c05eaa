package io.mcpconfig.admin;

import java.util.List;

/** What an import does (or, for a dry run, would do): every row it creates, updates or deletes. */
public record Plan(List<PlannedChange> changes, boolean applied) {
    public Plan {
        changes = List.copyOf(changes);
    }

    /** True when the database already holds the bundle: applying it writes nothing. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
