package io.mcpconfig.cache.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mcpconfig.cache.OrgView;
import io.mcpconfig.schemas.Scopes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every held view, in two layers.
 *
 * <p>The source of truth is a map from key to {@link Slot}: each view's serialized bytes, exactly
 * as the topic carried them and the snapshot writes them, compact, and enough to answer "which
 * revision do I hold" without decoding. Decoded {@link OrgView}s (items interned, so shared
 * defaults are held once) are held by a Caffeine cache bounded by weight, and referenced from
 * their slot so that a read is one map lookup and a field read: Caffeine's per-read bookkeeping
 * (read buffer, policy) costs more than the lookup itself, which the read budget cannot afford.
 * Caffeine still decides what stays decoded: it sees every decode (load) and update, its
 * eviction clears the slot's reference, and the next read decodes again from the bytes. Reads
 * that find the decoded view are recorded as hits in Caffeine's statistics counter (striped, see
 * {@link ReadStats}), so its stats are the read path's.
 *
 * <p>Only the consumer thread (and the constructor's caller, loading a snapshot) writes; any
 * thread reads, without a lock on the hit path.
 */
final class ViewStore {
    private static final Logger LOG = LoggerFactory.getLogger(ViewStore.class);

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final ReadStats stats = new ReadStats();
    private final Cache<String, OrgView> decoded;
    private final ViewMapper mapper;
    private final Set<String> orgFilter;
    private final OrgView emptyDefaults = new OrgView(Scopes.DEFAULTS, true, -1, Instant.EPOCH, List.of(), List.of());
    private final Runnable onUndecodable;
    /** Count of puts and removes; written by the one writer thread, read by the snapshot writer. */
    private volatile long mutations;

    ViewStore(long maximumWeight, Set<String> orgFilter, ViewMapper mapper, Runnable onUndecodable) {
        this.mapper = mapper;
        this.orgFilter = orgFilter;
        this.onUndecodable = onUndecodable;
        this.decoded = Caffeine.newBuilder()
                .maximumWeight(maximumWeight)
                // Weighed by serialized size: proportional to what a decode costs and holds, and
                // known without walking the object graph (the slot is stored before the view).
                .<String, OrgView>weigher((key, view) -> {
                    Slot s = slots.get(key);
                    return s == null ? 1 : Math.max(1, s.stored.bytes().length);
                })
                .evictionListener((String key, OrgView view, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                    Slot s = key == null ? null : slots.get(key);
                    if (s != null) {
                        s.clearIf(view);
                    }
                })
                .recordStats(() -> stats)
                .build();
    }

    /**
     * The hot path: on a hit, one map lookup, a field read and a statistics increment; no
     * allocation, no lock. An org without a view of its own gets the defaults.
     */
    OrgView forOrg(String orgId) {
        Slot slot = slots.get(orgId);
        if (slot != null) {
            return viewOf(orgId, slot);
        }
        if (orgFilter != null && !orgFilter.contains(orgId) && !Scopes.isDefaults(orgId)) {
            throw new IllegalArgumentException("org " + orgId + " is not selected by this cache's org filter "
                    + orgFilter);
        }
        Slot defaults = slots.get(Scopes.DEFAULTS);
        return defaults != null ? viewOf(Scopes.DEFAULTS, defaults) : emptyDefaults;
    }

    private OrgView viewOf(String key, Slot slot) {
        OrgView view = slot.decoded;
        if (view != null) {
            stats.hit();
            return view;
        }
        view = load(key);
        return view != null ? view : emptyDefaults;
    }

    /** Decodes a key's current bytes through Caffeine (counted as a miss and a load). */
    private OrgView load(String key) {
        OrgView view = decoded.get(key, k -> {
            Slot current = slots.get(k);
            return current == null ? null : decodeOrNull(current.stored);
        });
        Slot current = slots.get(key);
        if (view != null && current != null && view.revision() == current.stored.revision()) {
            current.decoded = view;
        }
        return view;
    }

    /** What {@code forOrg} serves, without touching the statistics (for diffs). */
    OrgView servedQuietly(String orgId) {
        OrgView own = quietly(orgId);
        if (own != null) {
            return own;
        }
        OrgView defaults = quietly(Scopes.DEFAULTS);
        return defaults != null ? defaults : emptyDefaults;
    }

    private OrgView quietly(String key) {
        Slot s = slots.get(key);
        if (s == null) {
            return null;
        }
        OrgView view = s.decoded;
        return view != null ? view : decodeOrNull(s.stored);
    }

    private OrgView decodeOrNull(StoredView s) {
        try {
            return mapper.decode(s.bytes());
        } catch (RuntimeException e) {
            // Only a snapshot written by a newer client could get here (Kafka records are checked
            // before they are stored): serve the defaults rather than fail a reader.
            LOG.error("view of {} (revision {}) cannot be decoded; serving the defaults: {}", s.key(), s.revision(),
                    e.toString());
            onUndecodable.run();
            return null;
        }
    }

    StoredView stored(String key) {
        Slot s = slots.get(key);
        return s == null ? null : s.stored;
    }

    /** Stores a view; {@code view} is its decoded form if the caller has it, else null (decoded on first read). */
    void put(StoredView s, OrgView view) {
        slots.put(s.key(), new Slot(s, view));
        mutations++;
        if (view != null) {
            decoded.put(s.key(), view);
        } else {
            decoded.invalidate(s.key());
        }
    }

    StoredView remove(String key) {
        Slot old = slots.remove(key);
        decoded.invalidate(key);
        if (old == null) {
            return null;
        }
        mutations++;
        return old.stored;
    }

    List<StoredView> all() {
        List<StoredView> all = new ArrayList<>(slots.size());
        for (Slot s : slots.values()) {
            all.add(s.stored);
        }
        return all;
    }

    long mutations() {
        return mutations;
    }

    int size() {
        return slots.size();
    }

    Cache<String, OrgView> decodedCache() {
        return decoded;
    }
}
