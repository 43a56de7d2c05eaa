package io.mcpconfig.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mcpconfig} command: admins, auditors and ops over the control-plane library
 * ({@code config-admin}). Every rule lives in the library; commands only parse, call and print.
 * Exit codes: 0 ok, 1 a check found differences or a write conflicted, 2 bad usage or setting.
 */
@Command(name = "mcpconfig", mixinStandardHelpOptions = true, version = "mcpconfig 0.1.0-SNAPSHOT",
        description = "Manage, audit and operate mcp-config: prompts and resources for fleets of MCP servers.",
        subcommands = {
                CommandLine.HelpCommand.class,
                // Admin commands (PostgreSQL side) and audit/ops commands (Kafka side) are listed here.
        })
public final class McpConfigCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code (the entry point tests call in-process). */
    public static int run(String... args) {
        return new CommandLine(new McpConfigCli()).execute(args);
    }
}
