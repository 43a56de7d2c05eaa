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
 * @param template    never null; served as one user message when {@code messages} is empty, and
 *                    empty (unused) when it is not
 * @param arguments   never null, unmodifiable
 * @param messages    a chat prompt's messages in order, served instead of the template; never null,
 *                    unmodifiable, empty for a template prompt
 * @param versions    never null
 * @param contentHash hash of what is served (hex), never null: two prompts serve the same content
 *                    iff their hashes are equal
 */
public record Prompt(String name, String title, String description, String template,
                     List<PromptArgument> arguments, List<PromptMessage> messages, Versions versions, String contentHash) {
    public Prompt {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        arguments = List.copyOf(arguments);
        messages = List.copyOf(messages);
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /** A template prompt (no messages). */
    public Prompt(String name, String title, String description, String template,
                  List<PromptArgument> arguments, Versions versions, String contentHash) {
        this(name, title, description, template, arguments, List.of(), versions, contentHash);
    }

    /** True for a chat prompt: {@link #messages()} are served, not the template. */
    public boolean isChat() {
        return !messages.isEmpty();
    }

    /** From the content hash: cheaper than hashing the template, and consistent with equals. */
    @Override
    public int hashCode() {
        return contentHash.hashCode() * 31 + versions.hashCode();
    }
}
