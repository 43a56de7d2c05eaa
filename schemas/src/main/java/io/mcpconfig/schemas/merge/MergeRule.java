package io.mcpconfig.schemas.merge;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ItemKind;
import io.mcpconfig.schemas.avro.OmittedItem;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptArgument;
import io.mcpconfig.schemas.avro.PromptMessage;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The merge rule: the one definition of what an organization is served, used by the
 * materializer and by every test oracle. Pure: same input, same view.
 *
 * <p>For org O and a prompt name N (resources: the same, keyed by URI), with {@code d} the
 * default N and {@code o} O's override of N (either may be absent):
 * <ul>
 *   <li>each field is {@code o.field} if {@code o} exists and sets it, else {@code d.field}
 *       (a resource's content, text or blob, counts as one field; so does a prompt's body, its
 *       template or its messages);</li>
 *   <li>the item is served iff its effective {@code active} is true (an item that neither side
 *       activates or deactivates, i.e. an org-only item with {@code active} null, is active) and it
 *       is complete (a prompt has a template or messages, a resource has content, and every
 *       resource a prompt's messages embed or link is served in the same view); an incomplete
 *       active item is left out and reported in {@link OrgView#getOmitted()};</li>
 *   <li>an inactive organization's view is inactive and serves nothing.</li>
 * </ul>
 * A missing resource name falls back to its URI; a missing MIME type to {@code text/plain} for text
 * and {@code application/octet-stream} for a blob.
 */
public final class MergeRule {
    private MergeRule() {}

    /** The view of key {@code _defaults}: the defaults alone, what a client serves an org it has no view for. */
    public static OrgView defaultsView(
            Map<String, PromptRow> defaultPrompts, Map<String, ResourceRow> defaultResources,
            long revision, Instant updatedAt) {
        return build(Scopes.DEFAULTS, true, defaultPrompts, Map.of(), defaultResources, Map.of(), revision, updatedAt,
                null);
    }

    /**
     * The view of organization {@code org}: its overrides (keyed by prompt name and resource URI)
     * overlaid on the defaults.
     */
    public static OrgView orgView(
            OrganizationRow org,
            Map<String, PromptRow> defaultPrompts, Map<String, PromptRow> orgPrompts,
            Map<String, ResourceRow> defaultResources, Map<String, ResourceRow> orgResources,
            long revision, Instant updatedAt) {
        return orgView(org, defaultPrompts, orgPrompts, defaultResources, orgResources, revision, updatedAt, null);
    }

    /**
     * The same view, taking the items the org inherits untouched (a default without an override)
     * from {@code inherited} when they are there, and adding them when not: equal to the view
     * without a memo, item for item, but each such item is merged and hashed once per default row
     * instead of once per call. {@code inherited} must go with {@code defaultPrompts} and
     * {@code defaultResources} (see {@link InheritedItems}); null merges everything.
     */
    public static OrgView orgView(
            OrganizationRow org,
            Map<String, PromptRow> defaultPrompts, Map<String, PromptRow> orgPrompts,
            Map<String, ResourceRow> defaultResources, Map<String, ResourceRow> orgResources,
            long revision, Instant updatedAt, InheritedItems inherited) {
        Objects.requireNonNull(org, "org");
        return build(org.getId(), org.getActive(), defaultPrompts, orgPrompts, defaultResources, orgResources,
                revision, updatedAt, inherited);
    }

    private static OrgView build(
            String orgId, boolean orgActive,
            Map<String, PromptRow> defaultPrompts, Map<String, PromptRow> orgPrompts,
            Map<String, ResourceRow> defaultResources, Map<String, ResourceRow> orgResources,
            long revision, Instant updatedAt, InheritedItems inherited) {
        List<ViewPrompt> prompts = new ArrayList<>();
        List<ViewResource> resources = new ArrayList<>();
        List<OmittedItem> omitted = new ArrayList<>();
        if (orgActive) {
            // Resources first: a chat prompt is served only if every resource it embeds or links is.
            List<OmittedItem> omittedResources = new ArrayList<>();
            for (String uri : union(defaultResources, orgResources)) {
                mergeResource(uri, defaultResources.get(uri), orgResources.get(uri), resources, omittedResources,
                        inherited);
            }
            Set<String> served = new HashSet<>();
            resources.forEach(r -> served.add(r.getUri()));
            for (String name : union(defaultPrompts, orgPrompts)) {
                mergePrompt(name, defaultPrompts.get(name), orgPrompts.get(name), served, prompts, omitted, inherited);
            }
            omitted.addAll(omittedResources);
        }
        return OrgView.newBuilder()
                .setOrgId(orgId)
                .setActive(orgActive)
                .setRevision(revision)
                .setUpdatedAt(updatedAt)
                .setPrompts(prompts)
                .setResources(resources)
                .setOmitted(omitted)
                .build();
    }

    private static void mergePrompt(String name, PromptRow d, PromptRow o, Set<String> servedUris,
            List<ViewPrompt> out, List<OmittedItem> omitted, InheritedItems inherited) {
        if (!isActive(d == null ? null : d.getActive(), o == null ? null : o.getActive())) {
            return;
        }
        // The body (template or messages) is one field: an override that sets either replaces the default's whole.
        PromptRow bodySource = o != null && (o.getTemplate() != null || o.getMessages() != null) ? o : d;
        String template = bodySource == null ? null : bodySource.getTemplate();
        List<PromptMessage> messages = bodySource == null ? null : bodySource.getMessages();
        if (messages != null && !messages.isEmpty()) {
            String problem = PromptMessages.problem(messages, servedUris);
            if (problem != null) {
                omitted.add(new OmittedItem(ItemKind.PROMPT, name, "prompt '" + name + "' " + problem));
                return;
            }
            template = "";
        } else if (template == null) {
            omitted.add(new OmittedItem(ItemKind.PROMPT, name,
                    "no template or messages: the override sets none and there is no default prompt '" + name + "'"));
            return;
        } else {
            messages = List.of();
        }
        // Everything above is checked for every call (the embedded resources served depend on the org);
        // what follows depends on d and o only, so an untouched default's item can come from the memo.
        String body = template;
        List<PromptMessage> bodyMessages = messages;
        out.add(o == null && inherited != null
                ? inherited.prompt(d, () -> servedPrompt(name, d, null, body, bodyMessages))
                : servedPrompt(name, d, o, body, bodyMessages));
    }

    private static ViewPrompt servedPrompt(String name, PromptRow d, PromptRow o, String template,
            List<PromptMessage> messages) {
        List<PromptArgument> arguments = pick(o == null ? null : o.getArguments(), d == null ? null : d.getArguments());
        ViewPrompt prompt = ViewPrompt.newBuilder()
                .setName(name)
                .setTitle(pick(o == null ? null : o.getTitle(), d == null ? null : d.getTitle()))
                .setDescription(pick(o == null ? null : o.getDescription(), d == null ? null : d.getDescription()))
                .setTemplate(template)
                .setArguments(arguments == null ? List.of() : arguments)
                .setMessages(messages)
                .setDefaultVersion(d == null ? null : d.getVersion())
                .setOverrideVersion(o == null ? null : o.getVersion())
                .setContentHash("")
                .build();
        prompt.setContentHash(ContentHash.of(prompt));
        return prompt;
    }

    private static void mergeResource(String uri, ResourceRow d, ResourceRow o, List<ViewResource> out,
            List<OmittedItem> omitted, InheritedItems inherited) {
        if (!isActive(d == null ? null : d.getActive(), o == null ? null : o.getActive())) {
            return;
        }
        // Content is one field: an override that sets text or blob replaces the default's content whole.
        ResourceRow contentSource = o != null && (o.getContentText() != null || o.getContentBlob() != null) ? o : d;
        String text = contentSource == null ? null : contentSource.getContentText();
        ByteBuffer blob = contentSource == null ? null : contentSource.getContentBlob();
        if (text == null && blob == null) {
            omitted.add(new OmittedItem(ItemKind.RESOURCE, uri,
                    "no content: the override sets none and there is no default resource '" + uri + "'"));
            return;
        }
        out.add(o == null && inherited != null
                ? inherited.resource(d, () -> servedResource(uri, d, null, text, blob))
                : servedResource(uri, d, o, text, blob));
    }

    private static ViewResource servedResource(String uri, ResourceRow d, ResourceRow o, String text, ByteBuffer blob) {
        String name = pick(o == null ? null : o.getName(), d == null ? null : d.getName());
        String mimeType = pick(o == null ? null : o.getMimeType(), d == null ? null : d.getMimeType());
        ViewResource resource = ViewResource.newBuilder()
                .setUri(uri)
                .setName(name == null ? uri : name)
                .setTitle(pick(o == null ? null : o.getTitle(), d == null ? null : d.getTitle()))
                .setDescription(pick(o == null ? null : o.getDescription(), d == null ? null : d.getDescription()))
                .setMimeType(mimeType != null ? mimeType : text != null ? "text/plain" : "application/octet-stream")
                .setText(text)
                .setBlob(blob == null ? null : blob.asReadOnlyBuffer())
                .setDefaultVersion(d == null ? null : d.getVersion())
                .setOverrideVersion(o == null ? null : o.getVersion())
                .setContentHash("")
                .build();
        resource.setContentHash(ContentHash.of(resource));
        return resource;
    }

    /** Effective active: the override's if set, else the default's if set, else active. */
    static boolean isActive(Boolean defaultActive, Boolean overrideActive) {
        Boolean effective = pick(overrideActive, defaultActive);
        return effective == null || effective;
    }

    private static <T> T pick(T override, T fallback) {
        return override != null ? override : fallback;
    }

    private static TreeSet<String> union(Map<String, ?> a, Map<String, ?> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
