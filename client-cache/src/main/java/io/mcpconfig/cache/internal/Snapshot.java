package io.mcpconfig.cache.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content of a snapshot file: the views held and, per partition of the views topic, the offset
 * to resume from. Consistent: every record before an offset is reflected in the views, none after.
 * A partition missing from {@code offsets} must be read from its beginning.
 *
 * @param orgFilter null: the snapshot holds every org
 */
record Snapshot(String topic, long writtenAtMillis, Set<String> orgFilter, Map<Integer, Long> offsets,
                List<StoredView> views) {

    /** Whether resuming from these offsets gives every view {@code wanted} selects. */
    boolean covers(Set<String> wanted) {
        return orgFilter == null || (wanted != null && orgFilter.containsAll(wanted));
    }
}
