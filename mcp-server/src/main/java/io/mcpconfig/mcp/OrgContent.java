package io.mcpconfig.mcp;

import io.mcpconfig.cache.PromptMessage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one organization is served right now: the prompts and resources of its merged view (or of
 * the defaults when it has none). Immutable; an inactive organization has empty lists.
 *
 * @param orgId     the organization, never null
 * @param revision  the view's revision (highest commit LSN that shaped it), for logs only
 * @param prompts   never null, unmodifiable, unique names
 * @param resources never null, unmodifiable, unique URIs
 */
public record OrgContent(String orgId, long revision, List<PromptItem> prompts, List<ResourceItem> resources) {
    public OrgContent {
        Objects.requireNonNull(orgId, "orgId");
        prompts = List.copyOf(prompts);
        resources = List.copyOf(resources);
    }

    /** Nothing to serve (an inactive organization). */
    public static OrgContent empty(String orgId, long revision) {
        return new OrgContent(orgId, revision, List.of(), List.of());
    }

    public Optional<PromptItem> prompt(String name) {
        return prompts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<ResourceItem> resource(String uri) {
        return resources.stream().filter(r -> r.uri().equals(uri)).findFirst();
    }

    /** One argument of a prompt template; {@code description} may be null. */
    public record Argument(String name, String description, boolean required) {
        public Argument {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A prompt: a Mustache template and its arguments, or (a chat prompt) messages, which are served
     * instead of the template when not empty; each resource they name is one of {@link #resources}.
     * {@code title} and {@code description} may be null; {@code contentHash} changes iff the prompt's
     * own definition changes (not when a resource it embeds does).
     */
    public record PromptItem(String name, String title, String description, String template,
                             List<Argument> arguments, List<PromptMessage> messages, String contentHash) {
        public PromptItem {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(template, "template");
            arguments = List.copyOf(arguments);
            messages = List.copyOf(messages);
            Objects.requireNonNull(contentHash, "contentHash");
        }

        /** A template prompt. */
        public PromptItem(String name, String title, String description, String template,
                          List<Argument> arguments, String contentHash) {
            this(name, title, description, template, arguments, List.of(), contentHash);
        }
    }

    /**
     * A resource with exactly one of {@code text} and {@code blob}. {@code title} and
     * {@code description} may be null; {@code contentHash} changes iff what is served changes.
     * The blob array is not copied: treat it as read-only.
     */
    public record ResourceItem(String uri, String name, String title, String description, String mimeType,
                               String text, byte[] blob, String contentHash) {
        public ResourceItem {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mimeType, "mimeType");
            if ((text == null) == (blob == null)) {
                throw new IllegalArgumentException("resource " + uri + " needs exactly one of text and blob");
            }
            Objects.requireNonNull(contentHash, "contentHash");
        }
    }
}
