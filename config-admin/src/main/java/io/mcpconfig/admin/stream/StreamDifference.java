package io.mcpconfig.admin.stream;

/**
 * One way the change stream and {@code config_history} disagree.
 *
 * @param kind   what is wrong
 * @param change the row change, e.g. {@code organization_prompt acme/summarize v3}
 * @param detail the values that differ, or what is missing where
 */
public record StreamDifference(Kind kind, String change, String detail) {
    public enum Kind {
        /** A history row has no event in the stream. */
        MISSING_EVENT,
        /** The stream has a row event the history lacks. */
        EXTRA_EVENT,
        /** Both have it, with different actors. */
        ACTOR,
        /** Both have it, with different operations. */
        OPERATION,
        /** Both have it, with different row content. */
        CONTENT
    }

    @Override
    public String toString() {
        return kind + " " + change + ": " + detail;
    }
}
