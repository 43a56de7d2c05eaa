package io.mcpconfig.cli;

import io.mcpconfig.admin.stream.ChangeLog;
import io.mcpconfig.admin.stream.RebuildReport;
import io.mcpconfig.admin.stream.ViewDifference;
import io.mcpconfig.admin.stream.ViewsCheck;
import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcpconfig views rebuild|check}. */
@Command(name = "views", mixinStandardHelpOptions = true,
        description = "Prove the live views right: rebuild them from the change stream, or check them against the database.",
        subcommands = {ViewsCommand.Rebuild.class, ViewsCommand.Check.class})
final class ViewsCommand {

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = {"Recomputes every view from the change stream (<prefix>.changes) with the merge rule into a"
                    + " new topic, with a progress bar (plain lines when not on a terminal).",
                    "With --verify, compares them with the live views and lists every difference (exit 1 if any)."},
            footer = {"", "Example:", "  mcpconfig views rebuild --into mcpconfig.views.rebuilt --verify"})
    static final class Rebuild implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--into", required = true, paramLabel = "TOPIC", description = "The new topic to write the views to (must not exist).")
        String into;

        @Option(names = "--verify", description = "Compare the rebuilt views with the live views topic.")
        boolean verify;

        @Override
        public Integer call() {
            RebuildReport report;
            PrintWriter out = spec.commandLine().getOut();
            try (ChangeLog log = StreamConnections.changeLog(common)) {
                report = log.rebuildViews(into, verify,
                        new ProgressLine(spec.commandLine().getErr(), ProgressLine.onTerminal(), "rebuild"));
            }
            out.println("rebuilt " + report.views().size() + " views from " + report.eventsRead() + " events into "
                    + report.topic() + (report.skippedEvents() + report.incompleteTransactions() > 0
                    ? " (skipped as the materializer does: " + report.skippedEvents() + " unusable events, "
                    + report.incompleteTransactions() + " incomplete transactions)" : ""));
            if (!verify) {
                return ExitCodes.OK;
            }
            return printDifferences(out, report.differences(), "rebuilt", "the live views equal the rebuilt ones");
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Checks every live view against the merge rule applied to the database (the oracle, safe"
                    + " to run in production). Differences left after --wait are listed, exit 1."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "30",
                description = "How long differences may take to go away (the pipeline trails the database); default 30.")
        int waitSeconds;

        @Override
        public Integer call() throws Exception {
            List<ViewDifference> differences;
            try (ChangeLog log = StreamConnections.changeLog(common); Connection db = StreamConnections.database(common)) {
                differences = ViewsCheck.check(log, db, Duration.ofSeconds(waitSeconds));
            }
            return printDifferences(spec.commandLine().getOut(), differences, "database",
                    "every live view equals the merge rule over the database");
        }
    }

    static int printDifferences(PrintWriter out, List<ViewDifference> differences, String expectedName, String okLine) {
        for (ViewDifference d : differences) {
            out.println(d.scope() + ": " + d.item() + ": " + expectedName + " " + d.expected() + ", live " + d.actual());
        }
        out.println(differences.isEmpty() ? "ok: " + okLine : "DIFFERENCES: " + differences.size());
        return differences.isEmpty() ? ExitCodes.OK : ExitCodes.FOUND;
    }
}
