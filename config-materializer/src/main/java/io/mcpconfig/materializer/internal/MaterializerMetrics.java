package io.mcpconfig.materializer.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The materializer's meters, registered once per registry. Thread-safe (Micrometer meters are);
 * shared by every task and stream thread of one instance.
 */
public final class MaterializerMetrics {
    public static final String VIEWS_EMITTED = "mcpconfig.materializer.views.emitted";
    public static final String TOMBSTONES_EMITTED = "mcpconfig.materializer.tombstones.emitted";
    public static final String TRANSACTIONS_APPLIED = "mcpconfig.materializer.transactions.applied";
    public static final String DUPLICATES_SKIPPED = "mcpconfig.materializer.duplicates.skipped";
    public static final String INCOMPLETE_SKIPPED = "mcpconfig.materializer.transactions.incomplete";
    public static final String RECORDS_SKIPPED = "mcpconfig.materializer.records.skipped";
    public static final String ITEMS_OMITTED = "mcpconfig.materializer.items.omitted";
    public static final String FANOUT_SIZE = "mcpconfig.materializer.fanout.size";
    public static final String FANOUT_TIME = "mcpconfig.materializer.fanout.time";
    public static final String LAG = "mcpconfig.materializer.lag";

    private final MeterRegistry registry;
    final Counter viewsEmitted;
    final Counter tombstonesEmitted;
    final Counter transactionsApplied;
    final Counter duplicatesSkipped;
    final Counter incompleteSkipped;
    final Counter recordsSkipped;
    final Counter itemsOmitted;
    final DistributionSummary fanOutSize;
    final Timer fanOutTime;
    final Timer lag;

    public MaterializerMetrics(MeterRegistry registry) {
        this.registry = registry;
        viewsEmitted = Counter.builder(VIEWS_EMITTED).description("org and defaults views written").register(registry);
        tombstonesEmitted = Counter.builder(TOMBSTONES_EMITTED).description("views removed for deleted orgs").register(registry);
        transactionsApplied = Counter.builder(TRANSACTIONS_APPLIED).description("scope transactions applied whole").register(registry);
        duplicatesSkipped = Counter.builder(DUPLICATES_SKIPPED)
                .description("transactions (and their events) not newer than what was applied: replays").register(registry);
        incompleteSkipped = Counter.builder(INCOMPLETE_SKIPPED)
                .description("transactions skipped at COMMIT because row events were missing").register(registry);
        recordsSkipped = Counter.builder(RECORDS_SKIPPED)
                .description("records and row events skipped as unusable (undecodable, unknown scope or table)").register(registry);
        itemsOmitted = Counter.builder(ITEMS_OMITTED).description("incomplete items left out of emitted views").register(registry);
        fanOutSize = DistributionSummary.builder(FANOUT_SIZE).description("org views re-emitted per default change and task")
                .register(registry);
        fanOutTime = Timer.builder(FANOUT_TIME).description("time to re-merge a task's orgs after a default change")
                .register(registry);
        lag = Timer.builder(LAG).description("now minus commit time, when a transaction is applied").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void lag(long commitTimeMs) {
        lag.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - commitTimeMs)));
    }

    /** One line for the periodic status log. */
    public String statusLine() {
        return String.format("views=%d tombstones=%d txApplied=%d duplicates=%d incomplete=%d skippedRecords=%d"
                        + " omittedItems=%d fanOuts=%d lastFanOutMaxMs=%.0f lagMaxMs=%.0f",
                (long) viewsEmitted.count(), (long) tombstonesEmitted.count(), (long) transactionsApplied.count(),
                (long) duplicatesSkipped.count(), (long) incompleteSkipped.count(), (long) recordsSkipped.count(),
                (long) itemsOmitted.count(), fanOutSize.count(), fanOutTime.max(java.util.concurrent.TimeUnit.MILLISECONDS),
                lag.max(java.util.concurrent.TimeUnit.MILLISECONDS));
    }
}
