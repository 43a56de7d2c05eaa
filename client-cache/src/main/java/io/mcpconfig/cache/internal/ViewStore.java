package io.mcpconfig.cache.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
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
 * <p>The source of truth is a map of each view's serialized bytes ({@link StoredView}): compact,
 * exactly what the snapshot writes, and enough to answer "which revision do I hold" without
 * decoding. Over it, a Caffeine cache bounded by weight holds decoded {@link OrgView}s and decodes
 * again from the bytes on a miss; decoding interns items, so shared defaults are held once.
 *
 * <p>Only the consumer thread (and the constructor, loading a snapshot) writes; any thread reads.
 * Writes go to the bytes first and then to Caffeine, so a concurrent miss either loads the new
 * bytes or is overwritten by the put that follows (Caffeine serializes both per key).
 */
final class ViewStore {
    private static final Logger LOG = LoggerFactory.getLogger(ViewStore.class);

    private final ConcurrentHashMap<String, StoredView> stored = new ConcurrentHashMap<>();
    private final LoadingCache<String, OrgView> decoded;
    private final ViewMapper mapper;
    private final Set<String> orgFilter;
    private final OrgView emptyDefaults = new OrgView(Scopes.DEFAULTS, true, -1, Instant.EPOCH, List.of(), List.of());
    private final Runnable onUndecodable;
    /** Count of puts and removes; written by the one writer thread, read by it and the snapshot writer. */
    private volatile long mutations;

    ViewStore(long maximumWeight, Set<String> orgFilter, ViewMapper mapper, Runnable onUndecodable) {
        this.mapper = mapper;
        this.orgFilter = orgFilter;
        this.onUndecodable = onUndecodable;
        this.decoded = Caffeine.newBuilder()
                .maximumWeight(maximumWeight)
                // Weighed by serialized size: proportional to what decoding costs and holds, known
                // without walking the object graph (the bytes are stored before the view is put).
                .<String, OrgView>weigher((key, view) -> {
                    StoredView s = stored.get(key);
                    return s == null ? 1 : Math.max(1, s.bytes().length);
                })
                .recordStats()
                .build(this::load);
    }

    /**
     * The hot path: on a hit, a lookup in the bytes map and one in Caffeine, no allocation, no lock.
     * The bytes map is asked first so that an org without a view of its own (served the defaults)
     * neither counts as a miss nor takes Caffeine's per-key lock to load nothing.
     */
    OrgView forOrg(String orgId) {
        if (stored.containsKey(orgId)) {
            OrgView view = decoded.get(orgId);
            if (view != null) {
                return view;
            }
        }
        if (orgFilter != null && !orgFilter.contains(orgId) && !Scopes.isDefaults(orgId)) {
            throw new IllegalArgumentException("org " + orgId + " is not selected by this cache's org filter "
                    + orgFilter);
        }
        OrgView defaults = stored.containsKey(Scopes.DEFAULTS) ? decoded.get(Scopes.DEFAULTS) : null;
        return defaults != null ? defaults : emptyDefaults;
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
        OrgView view = decoded.policy().getIfPresentQuietly(key);
        if (view != null) {
            return view;
        }
        StoredView s = stored.get(key);
        return s == null ? null : decodeOrNull(s);
    }

    private OrgView load(String key) {
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

    /** Stores a view; {@code view} is its decoded form if the caller has it, else null. */
    void put(StoredView s, OrgView view) {
        stored.put(s.key(), s);
        mutations++;
        if (view != null) {
            decoded.put(s.key(), view);
        } else {
            decoded.invalidate(s.key());
        }
    }

    /** Whether the decoded view is in memory: worth keeping decoded on an update. */
    boolean isDecoded(String key) {
        return decoded.policy().getIfPresentQuietly(key) != null;
    }

    StoredView remove(String key) {
        StoredView old = stored.remove(key);
        decoded.invalidate(key);
        if (old != null) {
            mutations++;
        }
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

    LoadingCache<String, OrgView> decodedCache() {
        return decoded;
    }
}
