package io.mcpconfig.cache.internal;

import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.ViewChange;
import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.serde.AvroSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one record of the views topic to the store and tells the listeners what changed. Runs on
 * one thread only (the consumer's); Kafka-free, so tests drive it directly.
 */
final class ViewApplier {
    private static final Logger LOG = LoggerFactory.getLogger(ViewApplier.class);

    enum Outcome { APPLIED, REMOVED, STALE, UNDECODABLE, FILTERED, NOTHING_TO_REMOVE }

    private final CacheConfig config;
    private final ViewStore store;
    private final ViewMapper mapper;
    private final Listeners listeners;
    private final CacheMetrics metrics;

    ViewApplier(CacheConfig config, ViewStore store, ViewMapper mapper, Listeners listeners, CacheMetrics metrics) {
        this.config = config;
        this.store = store;
        this.mapper = mapper;
        this.listeners = listeners;
        this.metrics = metrics;
    }

    /** @param value the record's bytes, null for a tombstone */
    Outcome apply(String key, byte[] value, int partition) {
        if (key == null) {
            LOG.warn("skipping a record without a key in partition {}", partition);
            metrics.droppedUndecodable.increment();
            return Outcome.UNDECODABLE;
        }
        if (!config.selects(key)) {
            return Outcome.FILTERED;
        }
        if (value == null) {
            return remove(key);
        }
        io.mcpconfig.schemas.avro.OrgView record;
        OrgView after;
        try {
            // Decoded in full before storing: bytes that fail here never reach a reader.
            record = AvroSerdes.orgView().decode(value);
            if (!key.equals(record.getOrgId())) {
                throw new IllegalArgumentException("key " + key + " carries the view of " + record.getOrgId());
            }
            after = mapper.map(record);
        } catch (RuntimeException e) {
            LOG.error("skipping an unreadable view of {} in partition {}: {}", key, partition, e.getMessage());
            metrics.droppedUndecodable.increment();
            return Outcome.UNDECODABLE;
        }
        StoredView held = store.stored(key);
        if (held != null && record.getRevision() < held.revision()) {
            // Equal is applied: views are full state, so a re-emitted view is harmless.
            LOG.debug("dropping view of {} at revision {}: holding {}", key, record.getRevision(), held.revision());
            metrics.droppedStale.increment();
            return Outcome.STALE;
        }
        boolean interested = listeners.interestedIn(key);
        OrgView before = interested ? store.servedQuietly(key) : null;
        long updatedAt = record.getUpdatedAt().toEpochMilli();
        store.put(new StoredView(key, partition, record.getRevision(), updatedAt, value), after);
        metrics.updateApplied(updatedAt);
        if (interested) {
            announce(key, held == null ? -1 : held.revision(), record.getRevision(), false, before);
        }
        return Outcome.APPLIED;
    }

    /** Removes a key's view (tombstone, or gone from a re-read partition). */
    Outcome remove(String key) {
        boolean interested = listeners.interestedIn(key);
        OrgView before = interested ? store.servedQuietly(key) : null;
        StoredView old = store.remove(key);
        if (old == null) {
            return Outcome.NOTHING_TO_REMOVE;
        }
        metrics.applied.increment();
        if (interested) {
            announce(key, old.revision(), -1, true, before);
        }
        return Outcome.REMOVED;
    }

    private void announce(String key, long oldRevision, long newRevision, boolean removed, OrgView before) {
        OrgView after = store.servedQuietly(key);
        ViewChange change = ViewDiff.between(key, oldRevision, newRevision, removed, before, after);
        if (!change.isEmpty()) {
            listeners.deliver(change);
        }
        if (Scopes.isDefaults(key)) {
            // Orgs without a view of their own serve the defaults: tell their listeners too.
            for (String org : listeners.orgsListenedTo()) {
                if (!Scopes.isDefaults(org) && store.stored(org) == null && config.selects(org)) {
                    ViewChange seen = ViewDiff.between(org, -1, -1, false, before, after);
                    if (!seen.isEmpty()) {
                        listeners.deliverToOrg(seen);
                    }
                }
            }
        }
    }
}
