package io.mcpconfig.schemas.serde;

import io.mcpconfig.schemas.avro.OmittedItem;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a view to exactly the bytes of {@link AvroSerdes#orgView()} (single-object encoding, the
 * current schema), but encodes each prompt and resource object once and reuses its bytes while the
 * same object appears in later views.
 *
 * <p>Why: the materializer builds every org's view over one decoded copy of the defaults, and the
 * items an org inherits untouched are the very same objects in every view ({@code InheritedItems}).
 * Profiled at 1,000 changes/s, encoding those items again for each view was the largest single cost
 * of the stream thread (a view is ~6 KB, most of it inherited). Reusing their bytes turns it into a copy.
 *
 * <p>Items are keyed by identity, so they must not be mutated once serialized (the materializer never
 * does: its views are built, sent and dropped). The memo is per thread and bounded by count and by
 * bytes (an item may be a resource of up to 1 MiB): once it would hold more than {@value #MAX_ITEMS}
 * items or {@value #MAX_BYTES} bytes of encodings it starts over, so items of views long gone (overrides,
 * an old copy of the defaults) are not kept; an item larger than half that is encoded every time. So a
 * thread keeps at most about twice {@value #MAX_BYTES} bytes alive (the encodings and their items). Thread-safe.
 */
public final class OrgViewSerializer implements Serializer<OrgView> {
    static final int MAX_ITEMS = 4_096;
    static final int MAX_BYTES = 16 * 1024 * 1024;
    /** The 10-byte single-object header (marker and the writer schema's fingerprint). */
    private static final byte[] HEADER = header();

    private final ThreadLocal<Writer> writers = ThreadLocal.withInitial(Writer::new);

    @Override
    public byte[] serialize(String topic, OrgView view) {
        if (view == null) {
            return null;
        }
        try {
            return writers.get().write(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes of encodings the calling thread's memo holds, for tests. */
    long memoBytes() {
        return writers.get().memoBytes;
    }

    private static byte[] header() {
        Instant epoch = Instant.EPOCH;
        OrgView empty = new OrgView("h", true, 0L, epoch, List.of(), List.of(), List.of());
        return Arrays.copyOf(AvroSerdes.orgView().serialize("-", empty), 10);
    }

    /** One thread's buffer, encoder and item memo. */
    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        private final ByteArrayOutputStream itemOut = new ByteArrayOutputStream(2_048);
        private final BinaryEncoder itemEncoder = EncoderFactory.get().directBinaryEncoder(itemOut, null);
        private final DatumWriter<ViewPrompt> promptWriter = new SpecificDatumWriter<>(ViewPrompt.getClassSchema());
        private final DatumWriter<ViewResource> resourceWriter = new SpecificDatumWriter<>(ViewResource.getClassSchema());
        private final DatumWriter<OmittedItem> omittedWriter = new SpecificDatumWriter<>(OmittedItem.getClassSchema());
        private final Map<Object, byte[]> items = new IdentityHashMap<>();
        private long memoBytes;

        byte[] write(OrgView view) throws IOException {
            out.reset();
            out.write(HEADER);
            encoder.writeString(view.getOrgId());
            encoder.writeBoolean(view.getActive());
            encoder.writeLong(view.getRevision());
            encoder.writeLong(view.getUpdatedAt().toEpochMilli());
            writeItems(view.getPrompts(), promptWriter);
            writeItems(view.getResources(), resourceWriter);
            // Omitted items are few and never shared: encoded as they come.
            List<OmittedItem> omitted = view.getOmitted();
            encoder.writeArrayStart();
            encoder.setItemCount(omitted.size());
            for (OmittedItem o : omitted) {
                encoder.startItem();
                omittedWriter.write(o, encoder);
            }
            encoder.writeArrayEnd();
            encoder.flush();
            return out.toByteArray();
        }

        private <T> void writeItems(List<T> list, DatumWriter<T> writer) throws IOException {
            encoder.writeArrayStart();
            encoder.setItemCount(list.size());
            for (T item : list) {
                encoder.startItem();
                byte[] bytes = items.get(item);
                if (bytes == null) {
                    bytes = encode(item, writer);
                }
                encoder.writeFixed(bytes);
            }
            encoder.writeArrayEnd();
        }

        private <T> byte[] encode(T item, DatumWriter<T> writer) throws IOException {
            itemOut.reset();
            writer.write(item, itemEncoder);
            itemEncoder.flush();
            byte[] bytes = itemOut.toByteArray();
            if (bytes.length > MAX_BYTES / 2) {
                return bytes;
            }
            if (items.size() >= MAX_ITEMS || memoBytes + bytes.length > MAX_BYTES) {
                items.clear();
                memoBytes = 0;
            }
            items.put(item, bytes);
            memoBytes += bytes.length;
            return bytes;
        }
    }
}
