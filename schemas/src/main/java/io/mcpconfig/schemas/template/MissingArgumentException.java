package io.mcpconfig.schemas.template;

/** A required argument the caller did not send (absent or null). The MCP server maps it to invalid-params. */
public final class MissingArgumentException extends RuntimeException {
    private final String argument;

    MissingArgumentException(String argument) {
        super("missing required argument '" + argument + "'");
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }
}
