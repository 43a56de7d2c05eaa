package io.mcpconfig.cli;

import io.mcpconfig.admin.AdminException;
import io.mcpconfig.admin.ConflictException;
import io.mcpconfig.admin.NotFoundException;
import io.mcpconfig.admin.Problem;
import io.mcpconfig.admin.ValidationException;
import io.mcpconfig.schemas.config.BadSettingException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Failures as one line on stderr (a validation failure: one line per problem) and an exit code; no
 * stack trace unless MCPCONFIG_CLI_DEBUG is set, because a person reads this, not a developer.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        String name = cli.getCommandSpec().qualifiedName();
        if (e instanceof ValidationException v) {
            err.println(name + ": refused, nothing was written:");
            for (Problem p : v.problems()) {
                err.println("  " + p);
            }
            return ExitCodes.USAGE;
        }
        if (e instanceof ConflictException c) {
            err.println(name + ": conflict: " + c.getMessage());
            return ExitCodes.FOUND;
        }
        if (e instanceof NotFoundException || e instanceof BadSettingException || e instanceof AdminException
                || e instanceof IllegalArgumentException || e instanceof CommandLine.ParameterException) {
            err.println(name + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        err.println(name + ": failed: " + e);
        if (System.getenv("MCPCONFIG_CLI_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.FOUND;
    }
}
