package io.mcpconfig.materializer.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the materializer remembers per scope besides its rows.
 *
 * @param lsn commit LSN of the last applied transaction; -1 before the first. Kept after an org is
 *     deleted, so a replay of its older transactions can't bring it back.
 * @param commitTime commit time (epoch ms) of that transaction
 * @param live whether a view is out for this scope (false before the first view and after a tombstone)
 * @param signature digest of the content of the last emitted view (null if none): no re-emit when equal
 */
public record ScopeState(long lsn, long commitTime, boolean live, byte[] signature) {
    public static final ScopeState NONE = new ScopeState(-1, 0, false, null);
    private static final byte FORMAT = 1;

    public ScopeState applied(long newLsn, long newCommitTime) {
        return new ScopeState(newLsn, newCommitTime, live, signature);
    }

    public ScopeState emitted(byte[] newSignature) {
        return new ScopeState(lsn, commitTime, newSignature != null, newSignature);
    }

    /** Whether any transaction was applied to the scope (an empty one, eventCount 0, counts). */
    public boolean applied() {
        return lsn >= 0;
    }

    public boolean sameContent(byte[] other) {
        return live && Arrays.equals(signature, other);
    }

    public static Serde<ScopeState> serde() {
        return Serdes.serdeFrom(SERIALIZER, DESERIALIZER);
    }

    private static final Serializer<ScopeState> SERIALIZER = (topic, s) -> {
        if (s == null) {
            return null;
        }
        int sigLength = s.signature == null ? -1 : s.signature.length;
        ByteBuffer buf = ByteBuffer.allocate(1 + 8 + 8 + 1 + 4 + Math.max(0, sigLength));
        buf.put(FORMAT).putLong(s.lsn).putLong(s.commitTime).put((byte) (s.live ? 1 : 0)).putInt(sigLength);
        if (s.signature != null) {
            buf.put(s.signature);
        }
        return buf.array();
    };

    private static final Deserializer<ScopeState> DESERIALIZER = (topic, data) -> {
        if (data == null) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(data);
        if (buf.get() != FORMAT) {
            throw new SerializationException("unknown ScopeState format " + data[0]);
        }
        long lsn = buf.getLong();
        long commitTime = buf.getLong();
        boolean live = buf.get() == 1;
        int sigLength = buf.getInt();
        byte[] sig = null;
        if (sigLength >= 0) {
            sig = new byte[sigLength];
            buf.get(sig);
        }
        return new ScopeState(lsn, commitTime, live, sig);
    };
}
