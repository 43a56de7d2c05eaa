package io.mcpconfig.cli;

import io.mcpconfig.admin.stream.ChangeLog;
import io.mcpconfig.admin.stream.StreamCheck;
import io.mcpconfig.admin.stream.StreamCheckReport;
import io.mcpconfig.admin.stream.StreamDifference;
import io.mcpconfig.admin.stream.TimeSpec;
import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcpconfig audit verify}: the change stream is complete against config_history. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Proves the change stream complete: every config_history row has its event with the same"
                + " operation, actor, version and content, and the stream has no row event the history lacks.",
                "Prints every difference and exits 1 if there is any."})
final class AuditVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--since", paramLabel = "TIME", description = "Only changes from this time (2026-12-01T10:00:00Z, 2026-12-01, 2h, 7d).")
    String since;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long history rows without an event are waited for (the publisher may still be sending them); default 10.")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        Instant from = since == null ? null : TimeSpec.parse(since, Clock.systemUTC());
        StreamCheckReport report;
        try (ChangeLog log = StreamConnections.changeLog(common); Connection db = StreamConnections.database(common)) {
            report = StreamCheck.verify(log, db, from, Duration.ofSeconds(waitSeconds));
        }
        PrintWriter out = spec.commandLine().getOut();
        for (StreamDifference d : report.differences()) {
            out.println(d);
        }
        out.println((report.ok() ? "ok: " : "DIFFERENCES: " + report.differences().size() + "; ")
                + report.historyRows() + " history rows, " + report.events() + " row events checked"
                + (report.beforeStream() > 0 ? ", " + report.beforeStream() + " history rows predate the stream" : "")
                + (from == null ? "" : ", since " + from));
        return report.ok() ? ExitCodes.OK : ExitCodes.FOUND;
    }
}
