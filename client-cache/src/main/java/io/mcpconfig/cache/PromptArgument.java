package io.mcpconfig.cache;

import java.util.List;
import java.util.Objects;

/**
 * One argument of a prompt template (what MCP calls a PromptArgument). Immutable.
 *
 * @param name        never null
 * @param description null when the prompt does not describe it
 * @param required    whether a client must supply it
 * @param values      suggested values in their declared order (MCP completions); never null, empty = none
 */
public record PromptArgument(String name, String description, boolean required, List<String> values) {
    public PromptArgument {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
    }

    /** An argument without suggested values. */
    public PromptArgument(String name, String description, boolean required) {
        this(name, description, required, List.of());
    }
}
