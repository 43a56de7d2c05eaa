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
 * <p>The source of truth is a map from key to {@link StoredView}: each view's serialized bytes,
 * exactly as the topic carried them and the snapshot writes them, compact, and enough to answer
 * "which revision do I hold" without decoding. Decoded {@link OrgView}s (items interned, so shared
 * defaults are held once) are held by a Caffeine cache bounded by weight, and, for reads, by a
 * {@link ViewTable} of their own, so that a hit is one probe of one array straight to the view:
 * Caffeine's per-read bookkeeping (read buffer, policy) costs more than the lookup itself (decision
 * 1), and every object between the table and the view is one more dependent load (decision 11).
 * Caffeine still decides what stays decoded: it sees every decode (load) and update, its eviction
 * clears the view from the table, and the next read decodes again from the bytes. Reads that find
 * the decoded view are recorded as hits in Caffeine's statistics counter (striped, see
 * {@link ReadStats}), so its stats are the read path's.
 *
 * <p>Only the consumer thread (and the constructor's caller, loading a snapshot) writes; any thread
 * reads, without a lock on the hit path. How the table stays equal to what Caffeine holds:
 * <ul>
 *   <li>a writer changes the bytes first, then the table, then Caffeine;
 *   <li>a reader that decodes installs the view in the table from inside Caffeine's loader, that is
 *       inside Caffeine's atomic operation on that key, and only if the bytes it decoded are still
 *       the current ones and no writer put a view meanwhile ({@link ViewTable#install});
 *   <li>Caffeine's eviction listener runs inside the atomic removal of that key, so it always comes
 *       after the install of the view it evicts, and clears the table only if it still holds that
 *       very view.
 * </ul>
 */
final class ViewStore {
    private static final Logger LOG = LoggerFactory.getLogger(ViewStore.class);

    private final ConcurrentHashMap<String, StoredView> stored = new ConcurrentHashMap<>();
    /** The decoded views Caffeine holds, by key: what the hit path reads. */
    private final ViewTable served = new ViewTable();
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
                // known without walking the object graph (the bytes are stored before the view).
                .<String, OrgView>weigher((key, view) -> {
                    StoredView s = stored.get(key);
                    return s == null ? 1 : Math.max(1, s.bytes().length);
                })
                // Inside Caffeine's atomic removal; by identity, so a newer view of the key stays.
                .evictionListener((String key, OrgView view, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                    if (key != null && view != null) {
                        served.clearIf(key, view);
                    }
                })
                .recordStats(() -> stats)
                .build();
    }

    /**
     * The hot path: on a hit, one probe of the table and a statistics increment; no allocation, no
     * lock. An org without a view of its own gets the defaults.
     */
    OrgView forOrg(String orgId) {
        OrgView view = served.get(orgId);
        if (view != null) {
            stats.hit();
            return view;
        }
        return forOrgSlowly(orgId);
    }

    /** Not decoded (never yet, or evicted), not held, or not selected: kept out of the hot method. */
    private OrgView forOrgSlowly(String orgId) {
        if (stored.containsKey(orgId)) {
            OrgView own = load(orgId);
            return own != null ? own : emptyDefaults;
        }
        if (orgFilter != null && !orgFilter.contains(orgId) && !Scopes.isDefaults(orgId)) {
            throw new IllegalArgumentException("org " + orgId + " is not selected by this cache's org filter "
                    + orgFilter);
        }
        OrgView defaults = served.get(Scopes.DEFAULTS);
        if (defaults != null) {
            stats.hit();
            return defaults;
        }
        defaults = stored.containsKey(Scopes.DEFAULTS) ? load(Scopes.DEFAULTS) : null;
        return defaults != null ? defaults : emptyDefaults;
    }

    /**
     * Decodes a key's current bytes through Caffeine (counted as a miss and a load) and installs the
     * view for the next reads; null if the key has no bytes or they cannot be decoded. A view Caffeine
     * already holds is returned as it is (a hit in Caffeine's own count).
     */
    private OrgView load(String key) {
        return decoded.get(key, k -> {
            StoredView current = stored.get(k);
            OrgView view = current == null ? null : decodeOrNull(current);
            if (view != null) {
                served.install(k, view, () -> stored.get(k) == current);
            }
            return view;
        });
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
        OrgView view = served.get(key);
        if (view != null) {
            return view;
        }
        StoredView s = stored.get(key);
        return s == null ? null : decodeOrNull(s);
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
        return stored.get(key);
    }

    /**
     * Stores a view; {@code view} is its decoded form if the caller has it, else null (decoded on
     * first read: only while loading a snapshot, before any reader).
     */
    void put(StoredView s, OrgView view) {
        stored.put(s.key(), s);
        mutations++;
        if (view != null) {
            // The table before Caffeine: Caffeine can evict the view only once it holds it, and its
            // eviction listener then finds it in the table to clear.
            served.put(s.key(), view);
            decoded.put(s.key(), view);
        } else {
            served.clear(s.key());
            decoded.invalidate(s.key());
        }
    }

    StoredView remove(String key) {
        StoredView old = stored.remove(key);
        served.clear(key);
        decoded.invalidate(key);
        if (old == null) {
            return null;
        }
        mutations++;
        return old;
    }

    List<StoredView> all() {
        return new ArrayList<>(stored.values());
    }

    long mutations() {
        return mutations;
    }

    int size() {
        return stored.size();
    }

    Cache<String, OrgView> decodedCache() {
        return decoded;
    }
}
