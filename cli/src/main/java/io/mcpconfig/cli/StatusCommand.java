package io.mcpconfig.cli;

import io.mcpconfig.admin.stream.ChangeLog;
import io.mcpconfig.admin.stream.PipelineStatus;
import io.mcpconfig.admin.stream.StatusFormat;
import io.mcpconfig.admin.stream.StatusReader;
import io.mcpconfig.schemas.config.Keys;
import java.sql.Connection;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcpconfig status}: the pipeline on one screen. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"The pipeline on one screen: publisher (active or standby, slot, confirmed LSN, slot lag,"
                + " last commit and its age), materializer (state, lag per partition), views (count, newest revision)"
                + " and every running MCP server's cache (host, views held, applied revision, staleness).",
                "The database is optional: without it the publisher's slot is not shown."})
final class StatusCommand implements Callable<Integer> {
    /** The publisher's default slot (cdc-publisher's PublisherConfig.DEFAULT_SLOT). */
    static final String DEFAULT_SLOT = "mcpconfig";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    String format;

    @Option(names = "--slot", paramLabel = "SLOT", description = "The publisher's replication slot (default: $" + Keys.SLOT + ", else mcpconfig).")
    String slot;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("--format '" + format + "' is not one of text, json");
        }
        String slotName = slot != null ? slot : common.settings().string(Keys.SLOT, DEFAULT_SLOT);
        PipelineStatus status;
        try (ChangeLog log = StreamConnections.changeLog(common); Connection db = StreamConnections.databaseIfConfigured(common)) {
            status = StatusReader.read(log, StreamConnections.kafka(common), db, slotName, Clock.systemUTC());
        }
        spec.commandLine().getOut().print(format.equals("json") ? StatusFormat.json(status) + System.lineSeparator()
                : StatusFormat.text(status));
        return ExitCodes.OK;
    }
}
