package io.mcpconfig.admin.stream;

import io.mcpconfig.schemas.avro.OrgView;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@code ChangeLog.rebuildViews}.
 *
 * @param topic        where the views were written
 * @param eventsRead   change events replayed
 * @param views        the rebuilt views by scope (org id or {@code _defaults})
 * @param skippedEvents events the shared {@code EventCheck} rejected (as the materializer would)
 * @param incompleteTransactions transactions missing row events, not applied (as the materializer would)
 * @param differences  with {@code verify}: every difference from the live views (rebuilt = expected); else empty
 */
public record RebuildReport(String topic, long eventsRead, Map<String, OrgView> views, long skippedEvents,
                            long incompleteTransactions, List<ViewDifference> differences) {
    public RebuildReport {
        views = Map.copyOf(views);
        differences = List.copyOf(differences);
    }
}
