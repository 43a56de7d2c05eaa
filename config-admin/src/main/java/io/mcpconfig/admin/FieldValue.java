package io.mcpconfig.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One effective field of an item: its value as JSON (text, boolean, the arguments array; a blob as
 * base64 text; {@code null} when empty) and where it comes from.
 */
public record FieldValue(JsonNode value, Provenance provenance) {
    public FieldValue {
        Objects.requireNonNull(provenance, "provenance");
        if (value != null && value.isNull()) {
            value = null;
        }
    }
}
