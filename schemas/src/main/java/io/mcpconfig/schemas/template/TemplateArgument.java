package io.mcpconfig.schemas.template;

import java.util.Objects;

/** An argument a prompt declares: what a template may use, and what a client must send if required. */
public record TemplateArgument(String name, boolean required) {
    public TemplateArgument {
        Objects.requireNonNull(name, "name");
    }
}
