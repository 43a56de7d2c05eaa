package io.mcpconfig.materializer.internal;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.merge.EventCheck;
import io.mcpconfig.schemas.merge.InheritedItems;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.OrgView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
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
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);

    private final MaterializerMetrics metrics;
    private ProcessorContext<String, Emit> context;
    private KeyValueStore<String, ChangeEvent> buffer;
    private KeyValueStore<String, ScopeState> states;
    private ScopeRows rows;
    // The task's copy of the defaults, decoded once per copy LSN instead of once per org transaction
    // (a prefix scan and an Avro decode of every default row, each time: decision 12). The copy's rows
    // change only together with its LSN (FanOutProcessor writes both), so the LSN is the key.
    private long copyLsn;
    private ScopeRows.Rows copy;
    // The items an org inherits untouched, merged and hashed once per decoded copy (decision 14): goes
    // with `copy` (keyed by its row objects), replaced with it.
    private InheritedItems inherited;

    public TransactionProcessor(MaterializerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Emit> context) {
        this.context = context;
        this.buffer = context.getStateStore(StoreKeys.BUFFER_STORE);
        this.states = context.getStateStore(StoreKeys.STATE_STORE);
        this.rows = new ScopeRows(context.getStateStore(StoreKeys.ROWS_STORE));
        this.copy = null; // re-initialized after a rebalance or an aborted transaction: the stores may have moved
        context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
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
                dropBuffered(scope, e); // leftovers of a partial replay
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
        // The fan-out reads the broadcast read_committed: commit now rather than at the interval.
        context.commit();
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
        ScopeRows.Rows defaults = defaultsCopy(defaultsState);
        OrgRefresh.Outcome outcome = OrgRefresh.refresh(org, state, rows, defaults, inherited, defaultsState, metrics);
        states.put(org, outcome.state());
        if (outcome.emit()) {
            context.forward(record.withKey(org).withValue(new Emit.View(outcome.view())));
        }
    }

    private ScopeRows.Rows defaultsCopy(ScopeState copyState) {
        if (copy == null || copyLsn != copyState.lsn()) {
            copy = rows.load(StoreKeys.DEFAULTS_COPY).unmodifiable();
            inherited = new InheritedItems();
            copyLsn = copyState.lsn();
        }
        return copy;
    }

    /**
     * Removes the committed transaction's events from the buffer and returns them in seq order, or
     * null if any of seq 0..eventCount-1 is missing. Point lookups by (scope, txId, seq), not a scan
     * of the scope's buffer: profiled, a prefix scan walked every deleted key of the scope's earlier
     * transactions (RocksDB keeps tombstones until compaction) and was the largest cost of a commit.
     * Leftovers of transactions that can no longer complete are dropped by {@link #sweep}.
     */
    private List<ChangeEvent> takeBuffered(String scope, ChangeEvent commit) {
        List<ChangeEvent> events = new ArrayList<>(Math.min(commit.getEventCount(), 1_024));
        for (int seq = 0; seq < commit.getEventCount(); seq++) {
            String key = StoreKeys.buffer(scope, commit.getTxId(), seq);
            ChangeEvent ev = buffer.get(key);
            if (ev == null) {
                break; // incomplete: stop here, so a bogus eventCount costs one lookup; the sweep takes the rest
            }
            buffer.delete(key);
            events.add(ev);
        }
        if (events.size() != commit.getEventCount()) {
            metrics.incompleteSkipped.increment();
            LOG.warn("skipped transaction {} of '{}' at LSN {}: row event seq {} of its {} never arrived; nothing of it applied",
                    commit.getTxId(), scope, commit.getCommitLsn(), events.size(), commit.getEventCount());
            return null;
        }
        return events;
    }

    private void dropBuffered(String scope, ChangeEvent commit) {
        for (int seq = 0; seq < commit.getEventCount(); seq++) {
            String key = StoreKeys.buffer(scope, commit.getTxId(), seq);
            if (buffer.get(key) == null) {
                break; // a delete of a missing key would still cost a changelog record; the sweep takes the rest
            }
            buffer.delete(key);
        }
    }

    /**
     * Drops buffered events that can no longer be applied: their scope has applied a transaction at
     * or after their commit LSN (a transaction whose COMMIT never came, or seqs beyond its
     * eventCount). Only frees space: such events are never read again.
     */
    private void sweep() {
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, ChangeEvent> it = buffer.all()) {
            while (it.hasNext()) {
                KeyValue<String, ChangeEvent> kv = it.next();
                if (kv.value.getCommitLsn() <= stateOf(kv.value.getScope()).lsn()) {
                    stale.add(kv.key);
                }
            }
        }
        stale.forEach(buffer::delete);
        if (!stale.isEmpty()) {
            LOG.info("dropped {} buffered row events of transactions that can no longer complete", stale.size());
        }
    }

    private ScopeState stateOf(String scope) {
        ScopeState s = states.get(scope);
        return s == null ? ScopeState.NONE : s;
    }
}
