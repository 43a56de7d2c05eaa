package io.mcpconfig.admin;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an item's history (every write is a version, a delete too).
 *
 * @param op      'I' insert, 'U' update, 'D' delete
 * @param changed the fields that differ from the previous version (all set fields for an insert)
 */
public record ItemVersion(long version, char op, String actor, Instant changedAt, long txId, List<String> changed) {
    public ItemVersion {
        changed = List.copyOf(changed);
    }
}
