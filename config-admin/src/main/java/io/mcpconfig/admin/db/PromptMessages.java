package io.mcpconfig.admin.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpconfig.schemas.avro.MessageContentKind;
import io.mcpconfig.schemas.avro.MessageRole;
import io.mcpconfig.schemas.avro.PromptMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code messages} jsonb column as Avro values. The column holds MCP's own spelling (the
 * database checks it, see V3__prompt_messages.sql):
 * {@code [{"role": "user"|"assistant", "content": {"type": "text", "text": ...} | {"type": "resource", "uri": ...}
 * | {"type": "resource_link", "uri": ...}}]}.
 */
public final class PromptMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PromptMessages() {}

    /**
     * Parses the column's JSON text; null stays null (a template prompt, or an override that inherits the body).
     *
     * @throws IllegalArgumentException naming the message and the field when the JSON is not of that form
     */
    public static List<PromptMessage> parse(String json) {
        if (json == null) {
            return null;
        }
        JsonNode array;
        try {
            array = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("prompt messages are not JSON: " + abbreviate(json), e);
        }
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("prompt messages must be a JSON array, got: " + abbreviate(json));
        }
        List<PromptMessage> messages = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            messages.add(message(array.get(i), i + 1));
        }
        return messages;
    }

    private static PromptMessage message(JsonNode m, int position) {
        String at = "prompt message " + position;
        MessageRole role = switch (m.path("role").asText("")) {
            case "user" -> MessageRole.USER;
            case "assistant" -> MessageRole.ASSISTANT;
            default -> throw new IllegalArgumentException(at + ": role must be user or assistant, got " + m.path("role"));
        };
        JsonNode content = m.path("content");
        return switch (content.path("type").asText("")) {
            case "text" -> new PromptMessage(role, MessageContentKind.TEXT, required(content, "text", at), null);
            case "resource" -> new PromptMessage(role, MessageContentKind.RESOURCE, null, required(content, "uri", at));
            case "resource_link" -> new PromptMessage(role, MessageContentKind.RESOURCE_LINK, null, required(content, "uri", at));
            default -> throw new IllegalArgumentException(
                    at + ": content.type must be text, resource or resource_link, got " + content.path("type"));
        };
    }

    private static String required(JsonNode content, String field, String at) {
        JsonNode value = content.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(at + ": content." + field + " must be a string");
        }
        return value.asText();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
