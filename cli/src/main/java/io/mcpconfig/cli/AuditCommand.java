package io.mcpconfig.cli;

import io.mcpconfig.admin.stream.AuditCursor;
import io.mcpconfig.admin.stream.AuditFormat;
import io.mcpconfig.admin.stream.AuditQuery;
import io.mcpconfig.admin.stream.ChangeLog;
import io.mcpconfig.admin.stream.TimeSpec;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcpconfig audit}: every row change of the change stream, filtered, one line each. */
@Command(name = "audit", mixinStandardHelpOptions = true, subcommands = AuditVerifyCommand.class,
        resourceBundle = "io.mcpconfig.cli.AuditCommand",
        description = {"Every row change in the change stream (<prefix>.changes), in commit order: commit time, actor,"
                + " operation, table, scope, key, version, transaction, commit LSN, and the fields that changed with"
                + " their values before and after.",
                "A time range seeks by timestamp: it does not read the stream from its start."},
        footer = {"", "Examples:", "  mcpconfig audit --org acme --since 2h",
                "  mcpconfig audit --actor alice --since 2026-12-01 --until 2026-12-02 --format csv > alice.csv",
                "  mcpconfig audit --format jsonl --follow"})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--org", paramLabel = "ORG", description = "Only this organization's changes (_defaults: the default tables).")
    String org;

    @Option(names = "--table", paramLabel = "TABLE", description = "Only this table: organization, default_prompt, "
            + "default_resource, organization_prompt, organization_resource.")
    String table;

    @Option(names = "--key", paramLabel = "KEY", description = "Only this prompt name, resource URI or organization id.")
    String key;

    @Option(names = "--since", paramLabel = "TIME", description = "From this time: 2026-12-01T10:00:00Z, 2026-12-01, or an age like 15m, 2h, 7d.")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Up to this time (same forms as --since).")
    String until;

    @Option(names = "--tx", paramLabel = "ID", description = "Only this transaction (the stream's id, or PostgreSQL's xid).")
    String tx;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), jsonl (one JSON object per line) or csv.")
    String format;

    @Option(names = "--follow", description = "After the existing changes, keep printing new ones as they come (Ctrl-C ends).")
    boolean follow;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        AuditFormat f = AuditFormat.parse(format);
        // --actor is the shared option (who you are, for writes); for a read it names whose changes to show.
        AuditQuery query = new AuditQuery(org, table == null ? null : AuditQuery.table(table), key, common.actor,
                since == null ? null : TimeSpec.parse(since, clock), until == null ? null : TimeSpec.parse(until, clock), tx);
        PrintWriter out = spec.commandLine().getOut();
        try (ChangeLog log = StreamConnections.changeLog(common); AuditCursor cursor = log.audit(query, follow)) {
            f.header().ifPresent(out::println);
            long n = 0;
            while (cursor.hasNext()) {
                out.println(f.line(cursor.next()));
                if (follow || ++n % 1000 == 0) {
                    out.flush();
                }
            }
            out.flush();
            if (cursor.undecodableRecords() > 0) {
                spec.commandLine().getErr().println("audit: " + cursor.undecodableRecords()
                        + " records could not be decoded and were skipped (see the log)");
            }
        }
        return ExitCodes.OK;
    }
}
