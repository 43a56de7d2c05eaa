package io.mcpconfig.materializer;

import io.mcpconfig.materializer.internal.BroadcastPartitioner;
import io.mcpconfig.materializer.internal.DefaultsTx;
import io.mcpconfig.materializer.internal.Emit;
import io.mcpconfig.materializer.internal.FanOutProcessor;
import io.mcpconfig.materializer.internal.MaterializerMetrics;
import io.mcpconfig.materializer.internal.ScopeState;
import io.mcpconfig.materializer.internal.StoreKeys;
import io.mcpconfig.materializer.internal.TransactionProcessor;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.serde.AvroSerdes;
import io.mcpconfig.schemas.serde.OrgViewSerializer;
import io.mcpconfig.schemas.topics.TopicSpec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The materializer's topology: changes -> whole, deduplicated scope transactions -> views, plus
 * the defaults broadcast that lets every task re-merge the orgs it owns.
 *
 * <pre>
 * changes --> transactions --(views, _defaults view)---------------------------> views
 *                  \--(completed defaults tx)--> broadcast to every partition --> fan-out --> views
 * </pre>
 * Both processors share the rows and state stores, so Streams runs them in one sub-topology: task
 * N owns the orgs of changes partition N and reads partition N of the broadcast.
 */
public final class MaterializerTopology {
    /** Name part of the internal broadcast topic ({@code <application id>-defaults-broadcast-repartition}). */
    public static final String BROADCAST = "defaults-broadcast";

    private MaterializerTopology() {}

    /** Same as {@link #build(MaterializerConfig, MeterRegistry)} with meters nobody reads. */
    public static Topology build(MaterializerConfig config) {
        return build(config, new SimpleMeterRegistry());
    }

    /** Pure: builds, starts nothing. Meters are registered in {@code registry} (shared if already there). */
    public static Topology build(MaterializerConfig config, MeterRegistry registry) {
        MaterializerMetrics metrics = new MaterializerMetrics(registry);
        TopicSpec<String, ChangeEvent> changes = config.topics().changes();
        TopicSpec<String, OrgView> views = config.topics().views();
        // Same bytes as the topic's serde, but each inherited item is encoded once, not once per view.
        Produced<String, OrgView> toViews = Produced.with(views.keySerde(),
                Serdes.serdeFrom(new OrgViewSerializer(), views.valueSerde().deserializer()));

        StreamsBuilder builder = new StreamsBuilder();
        // Persistent and changelogged (the default): a restarted or moved task resumes where it was.
        // The buffer alone is cached: a row event is put and, at its COMMIT a moment later, deleted, so
        // within one commit interval the pair cancels in the cache and neither RocksDB nor the changelog
        // sees the event (only a tombstone at the flush). Reads go through the cache; nothing is forwarded
        // from it, so it holds no view back. Under exactly-once it is flushed before each commit.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreKeys.BUFFER_STORE), Serdes.String(), AvroSerdes.changeEvent())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreKeys.ROWS_STORE), Serdes.String(), AvroSerdes.changeEvent()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreKeys.STATE_STORE), Serdes.String(), ScopeState.serde()));

        KStream<String, Emit> out = builder
                .stream(changes.name(), Consumed.with(changes.keySerde(), changes.valueSerde()).withName("changes"))
                .process(() -> new TransactionProcessor(metrics), Named.as("transactions"),
                        StoreKeys.BUFFER_STORE, StoreKeys.ROWS_STORE, StoreKeys.STATE_STORE);

        out.filter((k, v) -> v instanceof Emit.View, Named.as("scope-views"))
                .mapValues(v -> ((Emit.View) v).view(), Named.as("scope-view-values"))
                .to(views.name(), toViews.withName("views-from-transactions"));

        out.filter((k, v) -> v instanceof Emit.Broadcast, Named.as("defaults-transactions"))
                .mapValues(v -> ((Emit.Broadcast) v).tx(), Named.as("defaults-transaction-values"))
                .repartition(Repartitioned.<String, DefaultsTx>with(Serdes.String(), DefaultsTx.serde())
                        .withName(BROADCAST).withStreamPartitioner(new BroadcastPartitioner<>()))
                .process(() -> new FanOutProcessor(metrics), Named.as("fan-out"),
                        StoreKeys.ROWS_STORE, StoreKeys.STATE_STORE)
                .to(views.name(), toViews.withName("views-from-fan-out"));
        return builder.build();
    }
}
