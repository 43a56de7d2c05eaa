package io.mcpconfig.console.internal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpconfig.admin.FieldValue;
import io.mcpconfig.admin.Item;
import io.mcpconfig.admin.Kind;
import io.mcpconfig.console.internal.Json;
import io.mcpconfig.console.internal.Requests;
import io.mcpconfig.schemas.template.TemplateArgument;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An edit form read back: which fields the person changed against what the scope serves now
 * (unchanged fields are not sent, so an org keeps inheriting them), and which they emptied.
 */
record Drafts(Map<String, JsonNode> set, Set<String> unset, Map<String, String> values) {
    /** The fields a form edits: every field but the binary one. */
    static List<String> editable(Kind kind) {
        return kind.fields().stream().filter(f -> !f.equals("blob")).toList();
    }

    static Drafts read(HttpServletRequest request, Kind kind, Item current) {
        Map<String, JsonNode> set = new LinkedHashMap<>();
        Set<String> unset = new LinkedHashSet<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : editable(kind)) {
            String now = current == null ? "" : Page.text(current.fields().get(field));
            if (field.equals("active")) {
                boolean on = request.getParameter("active") != null;
                values.put(field, String.valueOf(on));
                boolean wasOn = current == null || Page.active(current);
                if (on != wasOn || current == null) {
                    set.put(field, BooleanNode.valueOf(on));
                }
                continue;
            }
            String raw = request.getParameter(field);
            String value = raw == null ? "" : raw.replace("\r\n", "\n");
            values.put(field, value);
            if (value.equals(now) || (field.equals("arguments") && sameJson(value, now))) {
                continue;
            }
            if (value.isBlank()) {
                if (current != null && !now.isEmpty()) {
                    unset.add(field);
                }
            } else if (field.equals("arguments")) {
                set.put(field, parseArguments(value));
            } else {
                set.put(field, TextNode.valueOf(value));
            }
        }
        return new Drafts(set, unset, values);
    }

    /** The changed and emptied fields' names. */
    Set<String> changed() {
        Set<String> all = new LinkedHashSet<>(set.keySet());
        all.addAll(unset);
        return all;
    }

    /** The arguments the draft declares (its own, or what the item has now). */
    List<TemplateArgument> arguments() {
        String raw = values.getOrDefault("arguments", "");
        List<TemplateArgument> declared = new ArrayList<>();
        if (raw.isBlank()) {
            return declared;
        }
        for (JsonNode a : parseArguments(raw)) {
            declared.add(new TemplateArgument(a.path("name").asText(), a.path("required").asBoolean(false)));
        }
        return declared;
    }

    static JsonNode parseArguments(String value) {
        try {
            JsonNode node = Json.MAPPER.readTree(value);
            if (node == null || !node.isArray()) {
                throw new Requests.BadRequest("arguments", "arguments must be a JSON array of {name, description, required}");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Requests.BadRequest("arguments", "arguments are not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static boolean sameJson(String a, String b) {
        try {
            return Json.MAPPER.readTree(a).equals(Json.MAPPER.readTree(b));
        } catch (Exception e) {
            return false;
        }
    }

    static String current(Item item, String field) {
        FieldValue v = item == null ? null : item.fields().get(field);
        return Page.text(v);
    }
}
