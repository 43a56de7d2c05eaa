package io.mcpconfig.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpconfig.schemas.avro.PromptRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.generic.GenericRecord;

/**
 * A chat prompt's {@code messages} (the V3 column: a JSON array of {role, content: {type, text|uri}}),
 * the other form of a prompt's body. Read through Avro's generic accessors, so this module works
 * with rows that have the field (Avro v2) and without it (v1): the field list of {@link Kind#PROMPT}
 * includes {@code messages} exactly when the row schema has it.
 */
final class ChatMessages {
    static final boolean SUPPORTED = PromptRow.getClassSchema().getField("messages") != null;

    private ChatMessages() {}

    /** The row's messages as the column's JSON, or null (a template prompt, or an override that inherits the body). */
    static JsonNode of(GenericRecord row) {
        Object value = SUPPORTED ? row.get("messages") : null;
        if (!(value instanceof List<?> messages)) {
            return null;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Object m : messages) {
            GenericRecord message = (GenericRecord) m;
            ObjectNode o = array.addObject();
            o.put("role", String.valueOf(message.get("role")).toLowerCase(Locale.ROOT));
            ObjectNode content = o.putObject("content");
            String kind = String.valueOf(message.get("kind")).toLowerCase(Locale.ROOT);
            content.put("type", kind);
            if (kind.equals("text")) {
                content.put("text", String.valueOf(message.get("text")));
            } else {
                content.put("uri", String.valueOf(message.get("uri")));
            }
        }
        return array;
    }

    /** The text templates of a merged prompt's messages by message index (empty for a template prompt). */
    static java.util.Map<Integer, String> texts(GenericRecord viewPrompt) {
        java.util.Map<Integer, String> texts = new java.util.LinkedHashMap<>();
        List<GenericRecord> messages = messages(viewPrompt);
        for (int i = 0; i < messages.size(); i++) {
            if ("TEXT".equals(String.valueOf(messages.get(i).get("kind")))) {
                texts.put(i, String.valueOf(messages.get(i).get("text")));
            }
        }
        return texts;
    }

    /**
     * A chat prompt as a person reads it: each message as "role: text" (texts rendered with {@code values}),
     * an embedded or linked resource as its URI. Null for a template prompt.
     */
    static String render(GenericRecord viewPrompt, java.util.Map<String, String> values) {
        List<GenericRecord> messages = messages(viewPrompt);
        if (messages.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (GenericRecord m : messages) {
            String role = String.valueOf(m.get("role")).toLowerCase(Locale.ROOT);
            String kind = String.valueOf(m.get("kind"));
            parts.add(role + ": " + (kind.equals("TEXT")
                    ? io.mcpconfig.schemas.template.PromptTemplates.compile(String.valueOf(m.get("text"))).render(values)
                    : "[" + kind.toLowerCase(Locale.ROOT) + " " + m.get("uri") + "]"));
        }
        return String.join("\n\n", parts);
    }

    private static List<GenericRecord> messages(GenericRecord viewPrompt) {
        List<GenericRecord> list = new ArrayList<>();
        if (SUPPORTED && viewPrompt.getSchema().getField("messages") != null
                && viewPrompt.get("messages") instanceof List<?> messages) {
            messages.forEach(m -> list.add((GenericRecord) m));
        }
        return list;
    }

    /** Canonical key order (role, content: type, text|uri); the database checks the rest. */
    static JsonNode canonical(Scope scope, Kind kind, String key, JsonNode value) {
        if (!value.isArray()) {
            throw ValidationException.of(scope, kind, key, "messages", "must be a JSON array of {role, content: {type, text|uri}}");
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        int i = 0;
        for (JsonNode m : value) {
            if (!m.isObject() || !m.path("content").isObject()) {
                throw ValidationException.of(scope, kind, key, "messages[" + i + "]", "must be an object with role and content");
            }
            ObjectNode o = array.addObject();
            o.set("role", m.get("role"));
            ObjectNode content = o.putObject("content");
            JsonNode c = m.get("content");
            content.set("type", c.get("type"));
            c.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("type")) {
                    content.set(e.getKey(), e.getValue());
                }
            });
            m.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("role") && !e.getKey().equals("content")) {
                    o.set(e.getKey(), e.getValue());
                }
            });
            i++;
        }
        return array;
    }
}
