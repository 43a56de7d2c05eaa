package io.mcpconfig.materializer.internal;

import io.mcpconfig.schemas.avro.OmittedItem;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.merge.InheritedItems;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes one org's view after its rows or the defaults changed, and decides what to emit: the
 * view if its content changed (or it is the first), a tombstone if the org is gone, else nothing.
 */
final class OrgRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(OrgRefresh.class);

    /** {@code emit} false: nothing to write. {@code emit} true and {@code view} null: a tombstone. */
    record Outcome(ScopeState state, boolean emit, OrgView view) {}

    private OrgRefresh() {}

    /** {@code inherited} goes with {@code defaults} (see {@link InheritedItems}). */
    static Outcome refresh(String org, ScopeState state, ScopeRows rows, ScopeRows.Rows defaults,
                           InheritedItems inherited, ScopeState defaultsState, MaterializerMetrics metrics) {
        ScopeRows.Rows own = rows.load(org);
        if (own.org() == null) {
            // Deleted (or never created): its rows go, its LSN watermark stays so replays can't revive it.
            rows.clear(org);
            if (!state.live()) {
                return new Outcome(state, false, null);
            }
            metrics.tombstonesEmitted.increment();
            return new Outcome(state.emitted(null), true, null);
        }
        OrgView view = Views.org(own, state, defaults, inherited, defaultsState);
        byte[] signature = Views.signature(view);
        if (state.sameContent(signature)) {
            return new Outcome(state, false, null);
        }
        noteOmitted(view, metrics);
        metrics.viewsEmitted.increment();
        return new Outcome(state.emitted(signature), true, view);
    }

    static void noteOmitted(OrgView view, MaterializerMetrics metrics) {
        if (view.getOmitted().isEmpty()) {
            return;
        }
        metrics.itemsOmitted.increment(view.getOmitted().size());
        LOG.warn("view of '{}' leaves out incomplete items: {}", view.getOrgId(), view.getOmitted().stream()
                .map(OmittedItem::getReason).collect(Collectors.joining("; ")));
    }
}
