package io.mcpconfig.materializer.internal;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.serde.AvroSerdes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A completed, verified defaults transaction as broadcast to every task: its row events in seq
 * order (before-images dropped: nobody downstream needs them) and its commit position.
 */
public record DefaultsTx(long commitLsn, long commitTime, List<ChangeEvent> events) {

    public DefaultsTx {
        events = List.copyOf(events);
    }

    /** Wire format of the internal broadcast topic: lsn, time, count, then length-prefixed ChangeEvents. */
    public static Serde<DefaultsTx> serde() {
        return Serdes.serdeFrom(SERIALIZER, DESERIALIZER);
    }

    private static final Serializer<DefaultsTx> SERIALIZER = (topic, tx) -> {
        if (tx == null) {
            return null;
        }
        List<byte[]> encoded = new ArrayList<>(tx.events.size());
        int size = 8 + 8 + 4;
        for (ChangeEvent e : tx.events) {
            byte[] bytes = AvroSerdes.changeEvent().serialize(topic, e);
            encoded.add(bytes);
            size += 4 + bytes.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(size).putLong(tx.commitLsn).putLong(tx.commitTime).putInt(encoded.size());
        for (byte[] bytes : encoded) {
            buf.putInt(bytes.length).put(bytes);
        }
        return buf.array();
    };

    private static final Deserializer<DefaultsTx> DESERIALIZER = (topic, data) -> {
        if (data == null) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(data);
        long lsn = buf.getLong();
        long time = buf.getLong();
        int count = buf.getInt();
        List<ChangeEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[buf.getInt()];
            buf.get(bytes);
            events.add(AvroSerdes.changeEvent().deserialize(topic, bytes));
        }
        return new DefaultsTx(lsn, time, events);
    };
}
