package io.mcpconfig.materializer.internal;

import io.mcpconfig.schemas.avro.OmittedItem;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import io.mcpconfig.schemas.merge.InheritedItems;
import io.mcpconfig.schemas.merge.MergeRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/** Views from rows, through {@link MergeRule} only, and the signature that decides whether to emit. */
final class Views {
    private Views() {}

    /**
     * The org's view over the task's copy of the defaults. Revision is the newer of the two applied
     * transactions (both only grow, so it never decreases); updatedAt is that transaction's commit time.
     * {@code inherited} goes with {@code defaults} (see {@link InheritedItems}).
     */
    static OrgView org(ScopeRows.Rows org, ScopeState orgState, ScopeRows.Rows defaults, InheritedItems inherited,
                       ScopeState defaultsState) {
        boolean orgNewer = orgState.lsn() >= defaultsState.lsn();
        long revision = orgNewer ? orgState.lsn() : defaultsState.lsn();
        long updatedAt = orgNewer ? orgState.commitTime() : defaultsState.commitTime();
        return MergeRule.orgView(org.org(), defaults.prompts(), org.prompts(), defaults.resources(), org.resources(),
                revision, Instant.ofEpochMilli(updatedAt), inherited);
    }

    static OrgView defaults(ScopeRows.Rows defaults, ScopeState state) {
        return MergeRule.defaultsView(defaults.prompts(), defaults.resources(), state.lsn(),
                Instant.ofEpochMilli(state.commitTime()));
    }

    /**
     * Digest of what a client serves from the view (active flag, each item's key and content hash,
     * what was omitted), without revision, time or row versions: equal signatures, nothing to emit.
     * The digested bytes are the same as they always were (the signatures in the state stores stay
     * valid across an upgrade: no re-emit of every view), only built without a String per field.
     */
    static byte[] signature(OrgView view) {
        Digest d = DIGEST.get();
        d.len = 0;
        d.field(view.getActive() ? "active" : "inactive", null, null);
        for (ViewPrompt p : view.getPrompts()) {
            d.field("P", p.getName(), null);
            d.field(p.getContentHash(), null, null);
        }
        for (ViewResource r : view.getResources()) {
            d.field("R", r.getUri(), null);
            d.field(r.getContentHash(), null, null);
        }
        for (OmittedItem o : view.getOmitted()) {
            d.field("O", o.getKind().toString(), o.getKey());
        }
        d.md.update(d.buf, 0, d.len);
        byte[] full = d.md.digest(); // also resets the digest for the next signature
        byte[] sig = new byte[16];
        System.arraycopy(full, 0, sig, 0, sig.length);
        return sig;
    }

    // One per stream thread: a digest and the bytes to digest, reused (views are signed one at a time).
    private static final ThreadLocal<Digest> DIGEST = ThreadLocal.withInitial(Digest::new);

    private static final class Digest {
        final MessageDigest md;
        byte[] buf = new byte[2_048];
        int len;

        Digest() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        /** One field: the UTF-8 of a + b + c (null parts: none), prefixed by its length in 4 bytes, big-endian. */
        void field(String a, String b, String c) {
            ensure(4);
            int at = len;
            len += 4; // the length, written once the parts are
            put(a);
            put(b);
            put(c);
            int length = len - at - 4;
            buf[at] = (byte) (length >>> 24);
            buf[at + 1] = (byte) (length >>> 16);
            buf[at + 2] = (byte) (length >>> 8);
            buf[at + 3] = (byte) length;
        }

        private void put(String s) {
            if (s == null) {
                return;
            }
            ensure(4 + s.length());
            int start = len;
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch >= 0x80) { // not ASCII (keys and hex hashes almost always are): encode it whole instead
                    len = start;
                    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                    ensure(bytes.length);
                    System.arraycopy(bytes, 0, buf, len, bytes.length);
                    len += bytes.length;
                    return;
                }
                buf[len++] = (byte) ch;
            }
        }

        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }
    }
}
