package io.mcpconfig.materializer.internal;

import io.mcpconfig.schemas.avro.OmittedItem;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
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
     */
    static OrgView org(ScopeRows.Rows org, ScopeState orgState, ScopeRows.Rows defaults, ScopeState defaultsState) {
        boolean orgNewer = orgState.lsn() >= defaultsState.lsn();
        long revision = orgNewer ? orgState.lsn() : defaultsState.lsn();
        long updatedAt = orgNewer ? orgState.commitTime() : defaultsState.commitTime();
        return MergeRule.orgView(org.org(), defaults.prompts(), org.prompts(), defaults.resources(), org.resources(),
                revision, Instant.ofEpochMilli(updatedAt));
    }

    static OrgView defaults(ScopeRows.Rows defaults, ScopeState state) {
        return MergeRule.defaultsView(defaults.prompts(), defaults.resources(), state.lsn(),
                Instant.ofEpochMilli(state.commitTime()));
    }

    /**
     * Digest of what a client serves from the view (active flag, each item's key and content hash,
     * what was omitted), without revision, time or row versions: equal signatures, nothing to emit.
     */
    static byte[] signature(OrgView view) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        update(md, view.getActive() ? "active" : "inactive");
        for (ViewPrompt p : view.getPrompts()) {
            update(md, "P" + p.getName());
            update(md, p.getContentHash());
        }
        for (ViewResource r : view.getResources()) {
            update(md, "R" + r.getUri());
            update(md, r.getContentHash());
        }
        for (OmittedItem o : view.getOmitted()) {
            update(md, "O" + o.getKind() + o.getKey());
        }
        byte[] full = md.digest();
        byte[] sig = new byte[16];
        System.arraycopy(full, 0, sig, 0, sig.length);
        return sig;
    }

    private static void update(MessageDigest md, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) (bytes.length >>> 24));
        md.update((byte) (bytes.length >>> 16));
        md.update((byte) (bytes.length >>> 8));
        md.update((byte) bytes.length);
        md.update(bytes);
    }
}
