package io.mcpconfig.schemas.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for an Avro record in Avro's single-object encoding: a 10-byte header with the
 * writer schema's fingerprint, then the binary datum. Readers resolve every released writer
 * schema of the {@code schemas} module without a registry. A null value is a tombstone.
 * Thread-safe (Avro's message encoder and decoder keep per-thread buffers).
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private final String typeName;

    AvroSerde(Schema current, List<Schema> released) {
        this.typeName = current.getName();
        SpecificData model = SpecificData.getForSchema(current);
        this.encoder = new BinaryMessageEncoder<>(model, current);
        this.decoder = new BinaryMessageDecoder<>(model, current);
        for (Schema writer : released) {
            decoder.addSchema(writer);
        }
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        try {
            // The encoder reuses its buffer per thread: copy out.
            ByteBuffer buffer = encoder.encode(value);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return decoder.decode(data);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a readable " + typeName + " record on " + topic
                    + " (unknown writer schema or corrupt bytes): " + e.getMessage(), e);
        }
    }

    /** Decodes without a topic name, for snapshots and tools. */
    public T decode(byte[] data) {
        return deserialize("-", data);
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: schemas come from this module, never from a registry.
    }

    @Override
    public void close() {
        // Stateless apart from per-thread buffers.
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
