package io.mcpconfig.admin;

import java.util.List;

/**
 * The two kinds of config item and their editable fields, in the order every listing, diff and
 * bundle uses. A resource's content is {@code text} or {@code blob}, and a prompt's body its
 * {@code template} or its chat {@code messages}: one of them; setting one clears the other in the same
 * row, as the merge rule treats each pair as one field.
 */
public enum Kind {
    PROMPT("prompt", "name", ChatMessages.SUPPORTED
            ? List.of("title", "description", "template", "messages", "arguments", "active")
            : List.of("title", "description", "template", "arguments", "active")),
    RESOURCE("resource", "uri", List.of("name", "title", "description", "mimeType", "text", "blob", "active"));

    private final String label;
    private final String keyName;
    private final List<String> fields;

    Kind(String label, String keyName, List<String> fields) {
        this.label = label;
        this.keyName = keyName;
        this.fields = fields;
    }

    /** "prompt" or "resource", as messages spell it. */
    public String label() {
        return label;
    }

    /** What identifies an item of this kind: "name" for prompts, "uri" for resources. */
    public String keyName() {
        return keyName;
    }

    /** The two fields that are one for the merge rule (a prompt's body, a resource's content). */
    public List<String> alternatives() {
        return this == PROMPT ? List.of("template", "messages") : List.of("text", "blob");
    }

    /** The editable fields, in display order. */
    public List<String> fields() {
        return fields;
    }

    /** @throws ValidationException naming the field and listing the valid ones */
    public String requireField(String field) {
        if (!fields.contains(field)) {
            throw ValidationException.of(null, this, null, field, "a " + label + " has no field '" + field
                    + "'; fields are " + String.join(", ", fields));
        }
        return field;
    }
}
