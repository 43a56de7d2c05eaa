package io.mcpconfig.cache;

import java.util.Objects;

/**
 * One message of a chat prompt (what MCP calls a PromptMessage). Immutable.
 *
 * <p>A {@link Kind#TEXT} message carries a template, rendered with the prompt's arguments like a
 * template prompt's. A {@link Kind#RESOURCE} message embeds, and a {@link Kind#RESOURCE_LINK}
 * message links, the resource of that URI in the same {@link OrgView}: the merge rule serves a chat
 * prompt only when every such resource is in its view, so {@code view.resource(uri)} is never null
 * for it, and the content is always the org's own resource as of that view.
 *
 * @param role who speaks, never null
 * @param kind what the content is, never null
 * @param text the template, non-null exactly for {@link Kind#TEXT}
 * @param uri  the resource's URI, non-null exactly for {@link Kind#RESOURCE} and {@link Kind#RESOURCE_LINK}
 */
public record PromptMessage(Role role, Kind kind, String text, String uri) {
    /** Who speaks a message. */
    public enum Role { USER, ASSISTANT }

    /** What a message's content is. */
    public enum Kind { TEXT, RESOURCE, RESOURCE_LINK }

    public PromptMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.TEXT) != (text != null) || (kind == Kind.TEXT) == (uri != null)) {
            throw new IllegalArgumentException("a " + kind + " message needs " + (kind == Kind.TEXT ? "text and no uri" : "a uri and no text"));
        }
    }
}
