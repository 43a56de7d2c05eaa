package io.mcpconfig.schemas.template;

import java.util.Objects;

/**
 * One reason a template is refused, with the 1-based line it is on ({@code 0} when no single line is
 * to blame, e.g. a required argument that is never used).
 */
public record TemplateProblem(Kind kind, int line, String message) {
    public enum Kind {
        /** The template is not valid Mustache. */
        SYNTAX,
        /** It uses a variable that no argument declares (it would always render empty). */
        UNDECLARED_VARIABLE,
        /** A required argument is never used (the client must send a value that goes nowhere). */
        UNUSED_REQUIRED_ARGUMENT,
        /** It includes a partial ({@code {{>name}}}): prompts have no partials to include. */
        PARTIAL
    }

    public TemplateProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
