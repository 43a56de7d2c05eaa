package io.mcpconfig.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the command in-process as a user would, with an environment and captured output. */
final class Cli {
    /** One run's exit code and what it printed. */
    record Result(int exitCode, String out, String err) {}

    private final Map<String, String> environment;

    Cli(Map<String, String> environment) {
        this.environment = new HashMap<>(environment);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = McpConfigCli.run(environment, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
