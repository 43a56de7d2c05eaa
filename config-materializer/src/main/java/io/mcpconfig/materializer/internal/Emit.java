package io.mcpconfig.materializer.internal;

import io.mcpconfig.schemas.avro.OrgView;

/** What the transaction processor hands downstream: a view to write, or a defaults transaction to broadcast. */
public sealed interface Emit {
    /** A view for the views topic; {@code view} null is a tombstone. */
    record View(OrgView view) implements Emit {}

    /** A completed defaults transaction for every task's copy of the defaults. */
    record Broadcast(DefaultsTx tx) implements Emit {}
}
