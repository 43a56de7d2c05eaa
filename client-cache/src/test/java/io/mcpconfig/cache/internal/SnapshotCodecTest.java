package io.mcpconfig.cache.internal;

import static io.mcpconfig.cache.TestViews.bytes;
import static io.mcpconfig.cache.TestViews.defaults;
import static io.mcpconfig.cache.TestViews.org;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCodecTest {
    private static final Snapshot SNAPSHOT = new Snapshot("t.views", 1234L, Set.of("acme", "globex"),
            Map.of(0, 17L, 1, 4L),
            List.of(new StoredView("_defaults", 0, 10, 1000, bytes(defaults(10))),
                    new StoredView("acme", 1, 12, 1001, bytes(org("acme", 12, "Hi")))));

    static byte[] encode(Snapshot s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotCodec.write(s, out);
        return out.toByteArray();
    }

    static Snapshot decode(byte[] bytes) throws IOException {
        return SnapshotCodec.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void roundTrips() throws IOException {
        Snapshot read = decode(encode(SNAPSHOT));

        assertThat(read.topic()).isEqualTo("t.views");
        assertThat(read.writtenAtMillis()).isEqualTo(1234L);
        assertThat(read.orgFilter()).containsExactlyInAnyOrder("acme", "globex");
        assertThat(read.offsets()).isEqualTo(Map.of(0, 17L, 1, 4L));
        assertThat(read.views()).hasSize(2);
        StoredView acme = read.views().get(1);
        assertThat(acme.key()).isEqualTo("acme");
        assertThat(acme.partition()).isEqualTo(1);
        assertThat(acme.revision()).isEqualTo(12);
        assertThat(acme.updatedAtMillis()).isEqualTo(1001);
        assertThat(acme.bytes()).isEqualTo(SNAPSHOT.views().get(1).bytes());
    }

    @Test
    void roundTripsWithoutFilter() throws IOException {
        Snapshot all = new Snapshot("t.views", 1, null, Map.of(), List.of());
        Snapshot read = decode(encode(all));
        assertThat(read.orgFilter()).isNull();
        assertThat(read.covers(Set.of("anything"))).isTrue();
        assertThat(SNAPSHOT.covers(Set.of("acme"))).isTrue();
        assertThat(SNAPSHOT.covers(Set.of("acme", "initech"))).isFalse();
        assertThat(SNAPSHOT.covers(null)).isFalse();
    }

    @Test
    void detectsEveryFlippedByte() throws IOException {
        byte[] good = encode(SNAPSHOT);
        // Every position, so no field (header, counts, lengths, payload, checksum) escapes.
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x10;
            assertThatThrownBy(() -> decode(bad)).as("byte %d flipped", i).isInstanceOf(IOException.class);
        }
    }

    @Test
    void detectsEveryTruncation() throws IOException {
        byte[] good = encode(SNAPSHOT);
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> decode(cut)).as("cut at %d", length)
                    .isInstanceOf(SnapshotCodec.CorruptSnapshotException.class);
        }
    }

    @Test
    void rejectsTrailingBytesAndOtherVersions() throws IOException {
        byte[] good = encode(SNAPSHOT);
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> decode(longer)).hasMessageContaining("after the checksum");

        byte[] future = good.clone();
        ByteBuffer.wrap(future).putShort(4, (short) 2);
        assertThatThrownBy(() -> decode(future)).hasMessageContaining("unsupported snapshot format version 2");
    }

    @Test
    void fileWritesAtomicallyAndReportsCorruption(@TempDir Path dir) throws IOException {
        SnapshotFile file = new SnapshotFile(dir.resolve("views.snapshot"));
        AtomicInteger corrupt = new AtomicInteger();

        assertThat(file.load(corrupt::incrementAndGet)).isNull(); // none yet: not corrupt
        file.write(SNAPSHOT);
        assertThat(file.load(corrupt::incrementAndGet).views()).hasSize(2);
        assertThat(dir.resolve("views.snapshot.tmp")).doesNotExist();
        assertThat(corrupt).hasValue(0);

        byte[] content = Files.readAllBytes(file.path());
        Files.write(file.path(), Arrays.copyOf(content, content.length / 2));
        assertThat(file.load(corrupt::incrementAndGet)).isNull();
        assertThat(corrupt).hasValue(1);
    }
}
