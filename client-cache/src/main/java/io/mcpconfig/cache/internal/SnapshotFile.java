package io.mcpconfig.cache.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes one snapshot file. A write goes to a temporary file in the same folder, is
 * forced to disk and then moved over the old one atomically, so a crash mid-write leaves the
 * previous snapshot intact. Not thread-safe: one writer at a time (the cache makes sure).
 */
final class SnapshotFile {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFile.class);

    private final Path file;
    private final Path temp;

    SnapshotFile(Path file) {
        this.file = file;
        this.temp = file.resolveSibling(file.getFileName() + ".tmp");
    }

    Path path() {
        return file;
    }

    /**
     * @return the snapshot, or null when there is none or it is corrupt, truncated or unreadable
     *         (logged; {@code onCorrupt} runs), in which case the cache reads Kafka in full
     */
    Snapshot load(Runnable onCorrupt) {
        try (InputStream in = Files.newInputStream(file)) {
            return SnapshotCodec.read(in);
        } catch (NoSuchFileException e) {
            LOG.info("no snapshot at {}: reading the views from Kafka", file);
            return null;
        } catch (IOException | RuntimeException e) {
            onCorrupt.run();
            LOG.error("ignoring the snapshot at {}: {}; reading the views from Kafka in full", file, e.getMessage());
            return null;
        }
    }

    void write(Snapshot snapshot) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            SnapshotCodec.write(snapshot, out);
            // Durable before it replaces the old one: a power cut must not leave a renamed, empty file.
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
