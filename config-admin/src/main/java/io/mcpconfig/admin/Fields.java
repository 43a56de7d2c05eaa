package io.mcpconfig.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpconfig.schemas.avro.PromptArgument;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import io.mcpconfig.schemas.template.TemplateArgument;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one mapping between our field names, the tables' columns and JSON values: a field's value is
 * a text node, a boolean node ({@code active}), an array of {name, description, required} in that
 * key order ({@code arguments}, canonical so two equal argument lists compare equal) or base64 text
 * ({@code blob}). Null means "not set" (in an override: inherited).
 */
final class Fields {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ARGUMENT_KEYS = List.of("name", "description", "required", "values");

    private Fields() {}

    static String table(Kind kind, Scope scope) {
        return (scope.isDefaults() ? "default_" : "organization_") + kind.label();
    }

    static String keyColumn(Kind kind) {
        return kind == Kind.PROMPT ? "name" : "uri";
    }

    static String column(Kind kind, String field) {
        return switch (field) {
            case "mimeType" -> "mime_type";
            case "text" -> "content_text";
            case "blob" -> "content_blob";
            default -> field;
        };
    }

    /** The fields a row sets, in {@link Kind#fields()} order (unset fields absent). */
    static Map<String, JsonNode> of(PromptRow row) {
        Map<String, JsonNode> f = new LinkedHashMap<>();
        putText(f, "title", row.getTitle());
        putText(f, "description", row.getDescription());
        putText(f, "template", row.getTemplate());
        JsonNode messages = ChatMessages.of(row);
        if (messages != null) {
            f.put("messages", messages);
        }
        if (row.getArguments() != null) {
            f.put("arguments", arguments(row.getArguments()));
        }
        if (row.getActive() != null) {
            f.put("active", BooleanNode.valueOf(row.getActive()));
        }
        return f;
    }

    static Map<String, JsonNode> of(ResourceRow row) {
        Map<String, JsonNode> f = new LinkedHashMap<>();
        putText(f, "name", row.getName());
        putText(f, "title", row.getTitle());
        putText(f, "description", row.getDescription());
        putText(f, "mimeType", row.getMimeType());
        putText(f, "text", row.getContentText());
        if (row.getContentBlob() != null) {
            ByteBuffer b = row.getContentBlob().duplicate();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            f.put("blob", TextNode.valueOf(Base64.getEncoder().encodeToString(bytes)));
        }
        if (row.getActive() != null) {
            f.put("active", BooleanNode.valueOf(row.getActive()));
        }
        return f;
    }

    /**
     * Checks a value a caller wants to write and returns it in canonical form.
     *
     * @throws ValidationException naming the field and what it must be
     */
    static JsonNode canonical(Scope scope, Kind kind, String key, String field, JsonNode value) {
        kind.requireField(field);
        if (value == null || value.isNull()) {
            return null;
        }
        switch (field) {
            case "active" -> {
                if (!value.isBoolean()) {
                    throw ValidationException.of(scope, kind, key, field, "must be true or false, got " + value);
                }
                return value;
            }
            case "arguments" -> {
                return canonicalArguments(scope, kind, key, value);
            }
            case "messages" -> {
                return ChatMessages.canonical(scope, kind, key, value);
            }
            case "blob" -> {
                if (!value.isTextual()) {
                    throw ValidationException.of(scope, kind, key, field, "must be base64 text");
                }
                try {
                    Base64.getDecoder().decode(value.asText());
                } catch (IllegalArgumentException e) {
                    throw ValidationException.of(scope, kind, key, field, "is not base64: " + e.getMessage());
                }
                return value;
            }
            default -> {
                if (!value.isTextual()) {
                    throw ValidationException.of(scope, kind, key, field, "must be text, got " + value.getNodeType().name().toLowerCase());
                }
                return value;
            }
        }
    }

    /** Binds a (canonical) value to the statement parameter of the field's column. */
    static void bind(PreparedStatement st, int index, String field, JsonNode value) throws SQLException {
        switch (field) {
            case "active" -> {
                if (value == null) {
                    st.setNull(index, Types.BOOLEAN);
                } else {
                    st.setBoolean(index, value.asBoolean());
                }
            }
            case "blob" -> st.setBytes(index, value == null ? null : Base64.getDecoder().decode(value.asText()));
            case "arguments", "messages" -> st.setString(index, value == null ? null : value.toString());
            default -> st.setString(index, value == null ? null : value.asText());
        }
    }

    /** The SQL placeholder of the field's column ({@code ?::jsonb} for arguments). */
    static String placeholder(String field) {
        return field.equals("arguments") || field.equals("messages") ? "?::jsonb" : "?";
    }

    /** Declared arguments as the renderer takes them. */
    static List<TemplateArgument> templateArguments(List<PromptArgument> arguments) {
        return arguments == null ? List.of()
                : arguments.stream().map(a -> new TemplateArgument(a.getName(), a.getRequired())).toList();
    }

    private static ArrayNode arguments(List<PromptArgument> arguments) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (PromptArgument a : arguments) {
            ObjectNode o = array.addObject();
            o.put("name", a.getName());
            if (a.getDescription() != null) {
                o.put("description", a.getDescription());
            }
            o.put("required", a.getRequired());
            // Suggested values (Avro v2, mcp's V3.1), read generically so v1 rows work too.
            if (a.getSchema().getField("values") != null && a.get("values") instanceof List<?> values && !values.isEmpty()) {
                ArrayNode v = o.putArray("values");
                values.forEach(x -> v.add(String.valueOf(x)));
            }
        }
        return array;
    }

    /**
     * Checks an arguments value and returns it in canonical form: each argument's keys in the order
     * name, description (if set), required, values (suggested values, if any; kept as given).
     */
    private static JsonNode canonicalArguments(Scope scope, Kind kind, String key, JsonNode value) {
        if (!value.isArray()) {
            throw ValidationException.of(scope, kind, key, "arguments", "must be a JSON array of {name, description, required}");
        }
        ArrayNode canonical = JsonNodeFactory.instance.arrayNode();
        int i = 0;
        for (JsonNode a : value) {
            String where = "arguments[" + i++ + "]";
            if (!a.isObject() || !a.path("name").isTextual()) {
                throw ValidationException.of(scope, kind, key, where, "must be an object with a text 'name'");
            }
            var names = a.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!ARGUMENT_KEYS.contains(n)) {
                    throw ValidationException.of(scope, kind, key, where, "has unknown key '" + n + "' (keys: "
                            + String.join(", ", ARGUMENT_KEYS) + ")");
                }
            }
            JsonNode d = a.get("description");
            JsonNode r = a.get("required");
            JsonNode v = a.get("values");
            if (d != null && !d.isNull() && !d.isTextual()) {
                throw ValidationException.of(scope, kind, key, where + ".description", "must be text");
            }
            if (r != null && !r.isNull() && !r.isBoolean()) {
                throw ValidationException.of(scope, kind, key, where + ".required", "must be true or false");
            }
            if (v != null && !v.isNull() && !v.isArray()) {
                throw ValidationException.of(scope, kind, key, where + ".values", "must be a list of text");
            }
            ObjectNode o = canonical.addObject();
            o.put("name", a.get("name").asText());
            if (d != null && !d.isNull()) {
                o.put("description", d.asText());
            }
            o.put("required", r != null && r.asBoolean());
            if (v != null && v.isArray() && !v.isEmpty()) {
                o.set("values", v);
            }
        }
        return canonical;
    }

    private static void putText(Map<String, JsonNode> f, String field, String value) {
        if (value != null) {
            f.put(field, TextNode.valueOf(value));
        }
    }

    static boolean same(JsonNode a, JsonNode b) {
        return Objects.equals(a, b);
    }
}
