package io.mcpconfig.cache.internal;

/**
 * One view as the local source of truth holds it: the record's bytes exactly as the views topic
 * carried them (Avro single-object encoding), plus what the consumer needs without decoding.
 * Immutable; the bytes are never modified after construction.
 *
 * @param partition the views-topic partition it came from (for re-reading a partition)
 */
record StoredView(String key, int partition, long revision, long updatedAtMillis, byte[] bytes) {}
