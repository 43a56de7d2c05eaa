package io.mcpconfig.cache;

import java.util.Objects;

/**
 * One argument of a prompt template (what MCP calls a PromptArgument). Immutable.
 *
 * @param name        never null
 * @param description null when the prompt does not describe it
 * @param required    whether a client must supply it
 */
public record PromptArgument(String name, String description, boolean required) {
    public PromptArgument {
        Objects.requireNonNull(name, "name");
    }
}
