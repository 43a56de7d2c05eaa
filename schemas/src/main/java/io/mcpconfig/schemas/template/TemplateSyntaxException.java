package io.mcpconfig.schemas.template;

/** A template that is not valid Mustache, with the 1-based line the parser stopped on (0 if unknown). */
public final class TemplateSyntaxException extends RuntimeException {
    private final int line;

    TemplateSyntaxException(String message, int line, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
