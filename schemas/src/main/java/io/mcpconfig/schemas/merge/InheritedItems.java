package io.mcpconfig.schemas.merge;

import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Memo of the merged items an org inherits untouched (a default with no override), for
 * {@link MergeRule#orgView(io.mcpconfig.schemas.avro.OrganizationRow, Map, Map, Map, Map, long,
 * java.time.Instant, InheritedItems)} callers that merge many orgs over the
 * same decoded defaults: such an item depends on the default row alone, so its view item and
 * content hash (SHA-256 over its whole content) are computed once per default row instead of once
 * per org and view. Keyed by the identity of the row object: hold one memo with one decoded copy of
 * the defaults and drop it with that copy (a new decode, new row objects, a new memo); a row that is
 * not in the memo is merged as usual, so a wrong pairing costs time, never correctness.
 *
 * <p>The memoized items are shared by every view built with the memo: they are Avro records, so
 * mutable, and must be treated as read-only (the materializer only serializes them). Not
 * thread-safe: one per task, like the copy it goes with.
 */
public final class InheritedItems {
    private final Map<PromptRow, ViewPrompt> prompts = new IdentityHashMap<>();
    private final Map<ResourceRow, ViewResource> resources = new IdentityHashMap<>();

    ViewPrompt prompt(PromptRow d, Supplier<ViewPrompt> merge) {
        return prompts.computeIfAbsent(d, k -> merge.get());
    }

    ViewResource resource(ResourceRow d, Supplier<ViewResource> merge) {
        return resources.computeIfAbsent(d, k -> merge.get());
    }

    /** Items memoized so far (prompts and resources), for tests. */
    public int size() {
        return prompts.size() + resources.size();
    }
}
