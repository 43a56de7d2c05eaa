package io.mcpconfig.cache;

import java.util.List;
import java.util.Objects;

/**
 * A prompt as an organization serves it: the effective, complete result of the merge rule.
 * Immutable; equal prompts of different organizations are usually the same object, because the
 * cache holds content shared by many organizations once.
 *
 * @param name        never null
 * @param title       null when absent
 * @param description null when absent
 * @param template    never null
 * @param arguments   never null, unmodifiable
 * @param versions    never null
 * @param contentHash hash of what is served (hex), never null: two prompts serve the same content
 *                    iff their hashes are equal
 */
public record Prompt(String name, String title, String description, String template,
                     List<PromptArgument> arguments, Versions versions, String contentHash) {
    public Prompt {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /** From the content hash: cheaper than hashing the template, and consistent with equals. */
    @Override
    public int hashCode() {
        return contentHash.hashCode() * 31 + versions.hashCode();
    }
}
