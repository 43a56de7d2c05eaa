package io.mcpconfig.cli;

/** The command's promise to scripts. */
final class ExitCodes {
    /** Done; a check found nothing. */
    static final int OK = 0;
    /** A check found differences or problems, or a write conflicted with someone else's. */
    static final int FOUND = 1;
    /** Bad usage, a bad setting, bad input or a name that does not exist: one line says which. */
    static final int USAGE = 2;

    private ExitCodes() {}
}
