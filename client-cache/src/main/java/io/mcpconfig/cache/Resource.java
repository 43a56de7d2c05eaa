package io.mcpconfig.cache;

import java.util.Arrays;
import java.util.Objects;

/**
 * A resource as an organization serves it: the effective, complete result of the merge rule, with
 * either text or binary content. Immutable (the blob is copied in and out); equal resources of
 * different organizations are usually the same object.
 */
public final class Resource {
    private final String uri;
    private final String name;
    private final String title;
    private final String description;
    private final String mimeType;
    private final String text;
    private final byte[] blob;
    private final Versions versions;
    private final String contentHash;

    /**
     * @throws IllegalArgumentException unless exactly one of {@code text} and {@code blob} is non-null
     */
    public Resource(String uri, String name, String title, String description, String mimeType,
                    String text, byte[] blob, Versions versions, String contentHash) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.name = Objects.requireNonNull(name, "name");
        this.title = title;
        this.description = description;
        this.mimeType = Objects.requireNonNull(mimeType, "mimeType");
        if ((text == null) == (blob == null)) {
            throw new IllegalArgumentException("resource " + uri + " must have exactly one of text and blob");
        }
        this.text = text;
        this.blob = blob == null ? null : blob.clone();
        this.versions = Objects.requireNonNull(versions, "versions");
        this.contentHash = Objects.requireNonNull(contentHash, "contentHash");
    }

    /** Never null. */
    public String uri() {
        return uri;
    }

    /** Never null. */
    public String name() {
        return name;
    }

    /** Null when absent. */
    public String title() {
        return title;
    }

    /** Null when absent. */
    public String description() {
        return description;
    }

    /** Never null. */
    public String mimeType() {
        return mimeType;
    }

    /** The text content, or null for a binary resource. */
    public String text() {
        return text;
    }

    /** Whether the content is binary ({@link #blob()}) rather than text. */
    public boolean isBinary() {
        return blob != null;
    }

    /** A copy of the binary content, or null for a text resource. */
    public byte[] blob() {
        return blob == null ? null : blob.clone();
    }

    /** Never null. */
    public Versions versions() {
        return versions;
    }

    /** Hash of what is served (hex), never null: equal iff the served content is equal. */
    public String contentHash() {
        return contentHash;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Resource r)) {
            return false;
        }
        // The hash first: it differs whenever the content does, so most unequal pairs stop here.
        return contentHash.equals(r.contentHash) && versions.equals(r.versions) && uri.equals(r.uri)
                && name.equals(r.name) && Objects.equals(title, r.title)
                && Objects.equals(description, r.description) && mimeType.equals(r.mimeType)
                && Objects.equals(text, r.text) && Arrays.equals(blob, r.blob);
    }

    @Override
    public int hashCode() {
        return contentHash.hashCode() * 31 + versions.hashCode();
    }

    @Override
    public String toString() {
        return "Resource[" + uri + ", " + mimeType + ", " + contentHash + ", " + versions + "]";
    }
}
