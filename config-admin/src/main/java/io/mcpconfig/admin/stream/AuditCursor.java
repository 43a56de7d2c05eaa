package io.mcpconfig.admin.stream;

import io.mcpconfig.schemas.avro.ChangeEvent;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The entries of one audit query in commit order. Without follow it ends at the end offsets taken
 * when it was opened; with follow it blocks for new changes until {@link #stop()}. Iterate and
 * close on one thread; {@link #stop()} may be called from any thread.
 */
public final class AuditCursor implements Iterator<AuditEntry>, AutoCloseable {
    private final OrderedReader reader;
    private final AuditQuery query;
    private AuditEntry next;

    AuditCursor(OrderedReader reader, AuditQuery query) {
        this.reader = reader;
        this.query = query;
    }

    @Override
    public boolean hasNext() {
        while (next == null && reader.hasNext()) {
            ChangeEvent e = reader.next();
            if (query.matches(e)) {
                next = AuditEntry.of(e);
            }
        }
        return next != null;
    }

    @Override
    public AuditEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        AuditEntry e = next;
        next = null;
        return e;
    }

    /** Records skipped because they did not decode (reported, never silently dropped). */
    public long undecodableRecords() {
        return reader.undecodable();
    }

    /** Ends a follow (or any read) at its next poll; thread-safe. */
    public void stop() {
        reader.close();
    }

    @Override
    public void close() {
        reader.release();
    }
}
