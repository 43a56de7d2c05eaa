package io.mcpconfig.cache.internal;

import io.mcpconfig.schemas.topics.Topics;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The snapshot file format, version 1 (big-endian, strings in modified UTF-8):
 *
 * <pre>
 * int magic 'MCVS' | short version | UTF topic | long writtenAtMillis
 * int filterCount (-1: every org) | filterCount x UTF orgId
 * int partitionCount | partitionCount x (int partition, long nextOffset)
 * int viewCount | viewCount x (UTF key, int partition, long revision, long updatedAtMillis, int length, bytes)
 * int CRC32C of everything before it
 * </pre>
 *
 * The checksum covers the whole body, so a flipped bit or a cut-off file is detected; lengths are
 * bounded before anything is allocated, so a corrupt length cannot exhaust memory. Pure: no files.
 */
final class SnapshotCodec {
    static final int MAGIC = 0x4D435653; // "MCVS"
    static final short VERSION = 1;

    private SnapshotCodec() {}

    static void write(Snapshot s, OutputStream target) throws IOException {
        CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(target, 1 << 16), new CRC32C());
        DataOutputStream out = new DataOutputStream(checked);
        out.writeInt(MAGIC);
        out.writeShort(VERSION);
        out.writeUTF(s.topic());
        out.writeLong(s.writtenAtMillis());
        if (s.orgFilter() == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(s.orgFilter().size());
            for (String org : new TreeSet<>(s.orgFilter())) {
                out.writeUTF(org);
            }
        }
        out.writeInt(s.offsets().size());
        for (Map.Entry<Integer, Long> e : s.offsets().entrySet()) {
            out.writeInt(e.getKey());
            out.writeLong(e.getValue());
        }
        out.writeInt(s.views().size());
        for (StoredView v : s.views()) {
            out.writeUTF(v.key());
            out.writeInt(v.partition());
            out.writeLong(v.revision());
            out.writeLong(v.updatedAtMillis());
            out.writeInt(v.bytes().length);
            out.write(v.bytes());
        }
        out.flush();
        int crc = (int) checked.getChecksum().getValue();
        out.writeInt(crc); // after taking the value: the checksum does not cover itself
        out.flush();
    }

    /** @throws CorruptSnapshotException on anything but a complete, intact version-1 snapshot */
    static Snapshot read(InputStream source) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(source, 1 << 16);
        CheckedInputStream checked = new CheckedInputStream(raw, new CRC32C());
        DataInputStream in = new DataInputStream(checked);
        try {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new CorruptSnapshotException("not a snapshot file (magic " + Integer.toHexString(magic) + ")");
            }
            short version = in.readShort();
            if (version != VERSION) {
                throw new CorruptSnapshotException("unsupported snapshot format version " + version
                        + " (this client reads " + VERSION + ")");
            }
            String topic = in.readUTF();
            long writtenAt = in.readLong();
            int filterCount = count(in.readInt(), -1, 1_000_000, "org filter");
            Set<String> filter = null;
            if (filterCount >= 0) {
                filter = new TreeSet<>();
                for (int i = 0; i < filterCount; i++) {
                    filter.add(in.readUTF());
                }
            }
            int partitions = count(in.readInt(), 0, 100_000, "partition");
            Map<Integer, Long> offsets = new LinkedHashMap<>();
            for (int i = 0; i < partitions; i++) {
                offsets.put(in.readInt(), in.readLong());
            }
            int viewCount = count(in.readInt(), 0, 100_000_000, "view");
            List<StoredView> views = new ArrayList<>(Math.min(viewCount, 100_000));
            for (int i = 0; i < viewCount; i++) {
                String key = in.readUTF();
                int partition = in.readInt();
                long revision = in.readLong();
                long updatedAt = in.readLong();
                int length = count(in.readInt(), 0, Topics.VIEW_MAX_BYTES, "view byte");
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                views.add(new StoredView(key, partition, revision, updatedAt, bytes));
            }
            int expected = (int) checked.getChecksum().getValue();
            int stored = new DataInputStream(raw).readInt();
            if (stored != expected) {
                throw new CorruptSnapshotException("checksum mismatch (stored " + Integer.toHexString(stored)
                        + ", computed " + Integer.toHexString(expected) + ")");
            }
            if (raw.read() != -1) {
                throw new CorruptSnapshotException("unexpected bytes after the checksum");
            }
            return new Snapshot(topic, writtenAt, filter == null ? null : Set.copyOf(filter), offsets, views);
        } catch (EOFException e) {
            throw new CorruptSnapshotException("truncated: the file ends before the snapshot does");
        }
    }

    private static int count(int n, int min, int max, String what) throws CorruptSnapshotException {
        if (n < min || n > max) {
            throw new CorruptSnapshotException(what + " count " + n + " out of range [" + min + ", " + max + "]");
        }
        return n;
    }

    /** The file is not an intact snapshot this client can read. */
    static final class CorruptSnapshotException extends IOException {
        CorruptSnapshotException(String message) {
            super(message);
        }
    }
}
