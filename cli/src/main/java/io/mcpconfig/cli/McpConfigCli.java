package io.mcpconfig.cli;

import io.mcpconfig.admin.Kind;
import io.mcpconfig.schemas.config.Settings;
import java.io.PrintWriter;
import java.util.Map;
import picocli.AutoComplete;
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
                AutoComplete.GenerateCompletion.class,
                // Admin commands (PostgreSQL side); `prompts` and `resources` are added in commandLine().
                OrgsCommand.class,
                HistoryCommands.History.class,
                HistoryCommands.Diff.class,
                HistoryCommands.Rollback.class,
                RenderCommand.class,
                ValidateCommand.class,
                BundleCommands.Export.class,
                BundleCommands.Import.class,
                // Audit and ops commands (Kafka side).
                AuditCommand.class, StatusCommand.class, AsOfCommand.class, ViewsCommand.class,
        })
public final class McpConfigCli {
    private final Settings settings;

    McpConfigCli(Settings settings) {
        this.settings = settings;
    }

    /** The MCPCONFIG_* settings of this run (flags in {@link CommonOptions} override them). */
    Settings settings() {
        return settings;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line against the process environment and returns its exit code. */
    public static int run(String... args) {
        return run(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs one command line with the given environment and output (the entry point tests call
     * in-process), and returns its exit code.
     */
    public static int run(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli;
        try {
            cli = commandLine(Settings.fromMap(environment));
        } catch (RuntimeException e) {
            err.println("mcpconfig: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(Settings settings) {
        CommandLine cli = new CommandLine(new McpConfigCli(settings));
        cli.addSubcommand("prompts", ItemCommands.of(Kind.PROMPT));
        cli.addSubcommand("resources", ItemCommands.of(Kind.RESOURCE));
        // Values like --template @review.txt are files we read ourselves, not picocli argument files.
        cli.setExpandAtFiles(false);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine completion = cli.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(false);
        }
        return cli;
    }
}
