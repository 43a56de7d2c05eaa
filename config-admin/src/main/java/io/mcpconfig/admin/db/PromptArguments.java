package io.mcpconfig.admin.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpconfig.schemas.avro.PromptArgument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The {@code arguments} jsonb column (a JSON array of {name, description, required, values}) as Avro values. */
public final class PromptArguments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PromptArguments() {}

    /** Parses the column's JSON text; null stays null (an override that inherits the arguments). */
    public static List<PromptArgument> parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode array = JSON.readTree(json);
            if (!array.isArray()) {
                throw new IllegalArgumentException("prompt arguments must be a JSON array, got: " + abbreviate(json));
            }
            List<PromptArgument> arguments = new ArrayList<>(array.size());
            for (JsonNode a : array) {
                JsonNode description = a.get("description");
                List<String> values = new ArrayList<>();
                a.path("values").forEach(v -> values.add(v.asText()));
                arguments.add(new PromptArgument(
                        a.path("name").asText(),
                        description == null || description.isNull() ? null : description.asText(),
                        a.path("required").asBoolean(false), values));
            }
            return arguments;
        } catch (IOException e) {
            throw new IllegalArgumentException("prompt arguments are not JSON: " + abbreviate(json), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
