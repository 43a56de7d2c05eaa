package io.mcpconfig.materializer.internal;

import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.merge.InheritedItems;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes this task's partition of the defaults broadcast: applies each defaults transaction once
 * (by commit LSN) to the task's own copy of the defaults, then re-merges the orgs this task owns and
 * emits the view of each org whose content changed, and of no other.
 *
 * <p>The first defaults transaction a task receives (even one without rows: the publisher's
 * snapshot always announces the defaults) initializes its copy; before that the task emits no org
 * view, so this fan-out also emits every org held back until now. The copy is in the changelogged
 * stores, so a restarted or relocated task keeps it and does not hold anything back again.
 */
public final class FanOutProcessor implements Processor<String, DefaultsTx, String, OrgView> {
    private static final Logger LOG = LoggerFactory.getLogger(FanOutProcessor.class);

    private final MaterializerMetrics metrics;
    private ProcessorContext<String, OrgView> context;
    private KeyValueStore<String, ScopeState> states;
    private ScopeRows rows;

    public FanOutProcessor(MaterializerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, OrgView> context) {
        this.context = context;
        this.states = context.getStateStore(StoreKeys.STATE_STORE);
        this.rows = new ScopeRows(context.getStateStore(StoreKeys.ROWS_STORE));
    }

    @Override
    public void process(Record<String, DefaultsTx> record) {
        DefaultsTx tx = record.value();
        ScopeState copy = states.get(StoreKeys.DEFAULTS_COPY);
        copy = copy == null ? ScopeState.NONE : copy;
        if (tx == null || tx.commitLsn() <= copy.lsn()) {
            metrics.duplicatesSkipped.increment();
            return;
        }
        long start = System.nanoTime();
        // The first defaults transaction also releases the orgs held back until now (applied, never emitted).
        boolean first = !copy.applied();
        rows.apply(StoreKeys.DEFAULTS_COPY, tx.events()); // verified upstream: skipped events were logged there
        copy = copy.applied(tx.commitLsn(), tx.commitTime());
        states.put(StoreKeys.DEFAULTS_COPY, copy);
        ScopeRows.Rows defaults = rows.load(StoreKeys.DEFAULTS_COPY);
        // Every org inherits most of these untouched: merged and hashed once here, not once per org.
        InheritedItems inherited = new InheritedItems();

        List<KeyValue<String, ScopeState>> orgs = new ArrayList<>();
        try (KeyValueIterator<String, ScopeState> it = states.all()) {
            it.forEachRemaining(kv -> {
                if (StoreKeys.isOrg(kv.key) && (kv.value.live() || first)) {
                    orgs.add(kv);
                }
            });
        }
        int emitted = 0;
        for (KeyValue<String, ScopeState> org : orgs) {
            OrgRefresh.Outcome outcome = OrgRefresh.refresh(org.key, org.value, rows, defaults, inherited, copy,
                    metrics);
            if (outcome.emit()) {
                // Only changed views are written back: an org the change doesn't touch costs a read, no write.
                states.put(org.key, outcome.state());
                context.forward(record.withKey(org.key).withValue(outcome.view()));
                emitted++;
            }
        }
        long micros = (System.nanoTime() - start) / 1000;
        metrics.fanOutSize.record(emitted);
        metrics.fanOutTime.record(java.time.Duration.ofNanos(System.nanoTime() - start));
        LOG.debug("defaults at LSN {}: {} of {} orgs of task {} changed, {} µs", tx.commitLsn(), emitted, orgs.size(),
                context.taskId(), micros);
    }
}
