package io.mcpconfig.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** One field that differs between two states (versions, or the database and a bundle); null = empty. */
public record FieldChange(String field, JsonNode before, JsonNode after) {
    public FieldChange {
        Objects.requireNonNull(field, "field");
    }
}
