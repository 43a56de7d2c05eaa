package io.mcpconfig.materializer.internal;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.merge.EventCheck;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.OrgView;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the changes topic. Buffers each scope's row events until the scope's COMMIT marker,
 * then applies the transaction whole (or not at all), at most once per commit LSN, and emits at most
 * one view for the scope. A completed defaults transaction also goes to the broadcast, so every
 * task can re-merge the orgs it owns. Until the task's copy of the defaults has received its first
 * transaction, org views are held back (their transactions still apply): see {@link FanOutProcessor}.
 */
public final class TransactionProcessor implements Processor<String, ChangeEvent, String, Emit> {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionProcessor.class);
    private static final StringSerializer KEYS = new StringSerializer();

    private final MaterializerMetrics metrics;
    private ProcessorContext<String, Emit> context;
    private KeyValueStore<String, ChangeEvent> buffer;
    private KeyValueStore<String, ScopeState> states;
    private ScopeRows rows;

    public TransactionProcessor(MaterializerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Emit> context) {
        this.context = context;
        this.buffer = context.getStateStore(StoreKeys.BUFFER_STORE);
        this.states = context.getStateStore(StoreKeys.STATE_STORE);
        this.rows = new ScopeRows(context.getStateStore(StoreKeys.ROWS_STORE));
    }

    @Override
    public void process(Record<String, ChangeEvent> record) {
        ChangeEvent e = record.value();
        String problem = EventCheck.recordProblem(record.key(), e);
        if (problem != null) {
            metrics.recordsSkipped.increment();
            LOG.warn("skipped record with key '{}': {}", record.key(), problem);
            return;
        }
        String scope = e.getScope();
        ScopeState state = stateOf(scope);
        if (e.getCommitLsn() <= state.lsn()) {
            if (e.getOp() == ChangeOp.COMMIT) {
                metrics.duplicatesSkipped.increment();
                LOG.debug("skipped replayed transaction {} of '{}' at LSN {} (applied up to {})",
                        e.getTxId(), scope, e.getCommitLsn(), state.lsn());
                takeBuffered(scope, e); // drops leftovers of a partial replay
            }
            return;
        }
        if (e.getOp() != ChangeOp.COMMIT) {
            buffer.put(StoreKeys.buffer(scope, e.getTxId(), e.getSeq()), e);
            return;
        }
        List<ChangeEvent> events = takeBuffered(scope, e);
        if (events == null) {
            return;
        }
        List<String> skipped = rows.apply(scope, events);
        if (!skipped.isEmpty()) {
            metrics.recordsSkipped.increment(skipped.size());
            LOG.warn("transaction {} of '{}': skipped unusable row events, applied the rest: {}", e.getTxId(), scope, skipped);
        }
        state = state.applied(e.getCommitLsn(), e.getCommitTime().toEpochMilli());
        metrics.transactionsApplied.increment();
        metrics.lag(e.getCommitTime().toEpochMilli());
        if (Scopes.isDefaults(scope)) {
            commitDefaults(record, state, events);
        } else {
            commitOrg(record, scope, state);
        }
    }

    private void commitDefaults(Record<String, ChangeEvent> record, ScopeState state, List<ChangeEvent> events) {
        OrgView view = Views.defaults(rows.load(Scopes.DEFAULTS), state);
        byte[] signature = Views.signature(view);
        if (!state.sameContent(signature)) {
            state = state.emitted(signature);
            OrgRefresh.noteOmitted(view, metrics);
            metrics.viewsEmitted.increment();
            context.forward(record.withKey(Scopes.DEFAULTS).withValue(new Emit.View(view)));
        }
        states.put(Scopes.DEFAULTS, state);
        List<ChangeEvent> slim = events.stream().map(ScopeRows::withoutBefore).toList();
        DefaultsTx tx = new DefaultsTx(state.lsn(), state.commitTime(), slim);
        context.forward(record.withKey(Scopes.DEFAULTS).withValue(new Emit.Broadcast(tx)));
    }

    private void commitOrg(Record<String, ChangeEvent> record, String org, ScopeState state) {
        ScopeState defaultsState = stateOf(StoreKeys.DEFAULTS_COPY);
        if (!defaultsState.applied()) {
            // This task has not yet seen any defaults (they come through the broadcast, a different
            // partition): a view now would leave out every inherited item, a state that never existed.
            // The org is applied and held; the first defaults transaction's fan-out emits it.
            states.put(org, state);
            LOG.debug("view of '{}' at LSN {} held until this task has the defaults", org, state.lsn());
            return;
        }
        OrgRefresh.Outcome outcome = OrgRefresh.refresh(org, state, rows, rows.load(StoreKeys.DEFAULTS_COPY),
                defaultsState, metrics);
        states.put(org, outcome.state());
        if (outcome.emit()) {
            context.forward(record.withKey(org).withValue(new Emit.View(outcome.view())));
        }
    }

    /**
     * Removes the committed transaction's events (and stale ones of older transactions) from the
     * buffer, and returns them in seq order, or null if any of seq 0..eventCount-1 is missing.
     */
    private List<ChangeEvent> takeBuffered(String scope, ChangeEvent commit) {
        TreeMap<Integer, ChangeEvent> bySeq = new TreeMap<>();
        List<String> done = new ArrayList<>();
        try (KeyValueIterator<String, ChangeEvent> it = buffer.prefixScan(StoreKeys.bufferPrefix(scope), KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, ChangeEvent> kv = it.next();
                ChangeEvent ev = kv.value;
                if (ev.getTxId().equals(commit.getTxId())) {
                    done.add(kv.key);
                    if (ev.getSeq() < commit.getEventCount()) {
                        bySeq.put(ev.getSeq(), ev);
                    }
                } else if (ev.getCommitLsn() <= commit.getCommitLsn()) {
                    done.add(kv.key); // a transaction older than this commit can no longer complete
                }
            }
        }
        done.forEach(buffer::delete);
        if (bySeq.size() != commit.getEventCount()) {
            metrics.incompleteSkipped.increment();
            LOG.warn("skipped transaction {} of '{}' at LSN {}: {} of {} row events arrived; nothing of it applied",
                    commit.getTxId(), scope, commit.getCommitLsn(), bySeq.size(), commit.getEventCount());
            return null;
        }
        return new ArrayList<>(bySeq.values());
    }

    private ScopeState stateOf(String scope) {
        ScopeState s = states.get(scope);
        return s == null ? ScopeState.NONE : s;
    }
}
