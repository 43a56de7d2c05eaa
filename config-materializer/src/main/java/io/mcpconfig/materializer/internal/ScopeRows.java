package io.mcpconfig.materializer.internal;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.merge.EventCheck;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The rows of scopes in the rows store: each row is stored as the last event that set it (its
 * after-image, version and commit time). Not thread-safe: one per task, like the store.
 */
final class ScopeRows {
    private static final StringSerializer KEYS = new StringSerializer();
    private final KeyValueStore<String, ChangeEvent> store;

    ScopeRows(KeyValueStore<String, ChangeEvent> store) {
        this.store = store;
    }

    /** The rows of one scope, as the merge rule takes them. */
    record Rows(OrganizationRow org, Map<String, PromptRow> prompts, Map<String, ResourceRow> resources) {
        boolean isEmpty() {
            return org == null && prompts.isEmpty() && resources.isEmpty();
        }

        /** The same rows behind read-only maps, for holding across transactions. */
        Rows unmodifiable() {
            return new Rows(org, java.util.Collections.unmodifiableMap(prompts),
                    java.util.Collections.unmodifiableMap(resources));
        }
    }

    Rows load(String scope) {
        OrganizationRow org = null;
        Map<String, PromptRow> prompts = new HashMap<>();
        Map<String, ResourceRow> resources = new HashMap<>();
        try (KeyValueIterator<String, ChangeEvent> it = store.prefixScan(StoreKeys.rowsPrefix(scope), KEYS)) {
            while (it.hasNext()) {
                Object row = it.next().value.getAfter();
                if (row instanceof OrganizationRow o) {
                    org = o;
                } else if (row instanceof PromptRow p) {
                    prompts.put(p.getName(), p);
                } else if (row instanceof ResourceRow r) {
                    resources.put(r.getUri(), r);
                }
            }
        }
        return new Rows(org, prompts, resources);
    }

    /**
     * Applies a verified transaction's row events (seq order) to {@code storeScope}. A transaction of
     * SNAPSHOT events only replaces the scope's rows. Events that {@link EventCheck#rowProblem} rejects
     * are skipped and returned as "seq: reason" strings.
     */
    List<String> apply(String storeScope, List<ChangeEvent> events) {
        if (!events.isEmpty() && events.stream().allMatch(e -> e.getOp() == ChangeOp.SNAPSHOT)) {
            clear(storeScope);
        }
        List<String> skipped = new ArrayList<>();
        for (ChangeEvent e : events) {
            String problem = EventCheck.rowProblem(e);
            if (problem != null) {
                skipped.add("seq " + e.getSeq() + ": " + problem);
                continue;
            }
            String key = StoreKeys.row(storeScope, e.getTable(), e.getRowKey());
            if (e.getOp() == ChangeOp.DELETE) {
                store.delete(key);
            } else {
                store.put(key, withoutBefore(e));
            }
        }
        return skipped;
    }

    void clear(String scope) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, ChangeEvent> it = store.prefixScan(StoreKeys.rowsPrefix(scope), KEYS)) {
            it.forEachRemaining((KeyValue<String, ChangeEvent> kv) -> keys.add(kv.key));
        }
        keys.forEach(store::delete);
    }

    static ChangeEvent withoutBefore(ChangeEvent e) {
        return e.getBefore() == null ? e : ChangeEvent.newBuilder(e).setBefore(null).build();
    }
}
