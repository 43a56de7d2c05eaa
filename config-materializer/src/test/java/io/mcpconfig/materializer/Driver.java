package io.mcpconfig.materializer;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.serde.AvroSerdes;
import io.mcpconfig.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** A TopologyTestDriver around the real topology and settings, with helpers to send transactions. */
final class Driver implements AutoCloseable {
    final MeterRegistry registry = new SimpleMeterRegistry();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ChangeEvent> changes;
    private final TestInputTopic<String, byte[]> rawChanges;
    private final TestOutputTopic<String, OrgView> views;
    /** Latest value per key of everything read so far (null = tombstone): the compacted topic. */
    final Map<String, OrgView> compacted = new TreeMap<>();

    Driver(Path stateDir) {
        Topics topics = Topics.withPrefix("ttd");
        MaterializerConfig config = MaterializerConfig.of("unused:9092", topics, stateDir);
        driver = new TopologyTestDriver(MaterializerTopology.build(config, registry), config.streamsProperties(registry));
        changes = driver.createInputTopic(topics.changes().name(), new StringSerializer(), AvroSerdes.changeEvent());
        rawChanges = driver.createInputTopic(topics.changes().name(), new StringSerializer(), new ByteArraySerializer());
        views = driver.createOutputTopic(topics.views().name(), new StringDeserializer(), AvroSerdes.orgView());
    }

    Driver send(Tx... txs) {
        for (Tx tx : txs) {
            send(tx.events());
        }
        return this;
    }

    Driver send(List<ChangeEvent> events) {
        events.forEach(e -> changes.pipeInput(e.getScope(), e));
        return this;
    }

    Driver sendRaw(String key, byte[] value) {
        rawChanges.pipeInput(key, value);
        return this;
    }

    Driver sendKeyed(String key, ChangeEvent e) {
        changes.pipeInput(key, e);
        return this;
    }

    /** The view records written since the last call, in order. */
    List<KeyValue<String, OrgView>> emitted() {
        List<KeyValue<String, OrgView>> out = new ArrayList<>(views.readKeyValuesToList());
        out.forEach(kv -> compacted.put(kv.key, kv.value));
        return out;
    }

    /** Keys of the view records written since the last call. */
    List<String> emittedKeys() {
        return emitted().stream().map(kv -> kv.key).toList();
    }

    OrgView latest(String key) {
        emitted();
        return compacted.get(key);
    }

    /** Row events waiting in the transaction buffer, all tasks. */
    long buffered() {
        org.apache.kafka.streams.state.KeyValueStore<String, ChangeEvent> buffer =
                driver.getKeyValueStore(io.mcpconfig.materializer.internal.StoreKeys.BUFFER_STORE);
        long n = 0;
        try (var it = buffer.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    Driver advanceWallClock(java.time.Duration by) {
        driver.advanceWallClockTime(by);
        return this;
    }

    double count(String meter) {
        return registry.get(meter).counter().count();
    }

    @Override
    public void close() {
        driver.close();
    }
}
