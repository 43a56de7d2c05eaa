package io.mcpconfig.cli;

import io.mcpconfig.admin.stream.ChangeLog;
import io.mcpconfig.admin.stream.TimeSpec;
import io.mcpconfig.admin.stream.ViewFormat;
import io.mcpconfig.schemas.avro.OrgView;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcpconfig as-of}: what an org's MCP servers served at a past instant. */
@Command(name = "as-of", mixinStandardHelpOptions = true,
        description = {"The organization's merged view as it was at an instant, rebuilt from the change stream with"
                + " the merge rule the materializer uses: what its MCP servers served then.",
                "Exits 1 if the organization did not exist at that instant."},
        footer = {"", "Example:", "  mcpconfig as-of --org acme --at 2026-11-24T10:00:00Z"})
final class AsOfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization (_defaults: the defaults alone).")
    String org;

    @Option(names = "--at", required = true, paramLabel = "TIME", description = "The instant: 2026-12-01T10:00:00Z, 2026-12-01T10:00 (UTC), 2026-12-01, or an age like 2h.")
    String at;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("--format '" + format + "' is not one of text, json");
        }
        Instant instant = TimeSpec.parse(at, Clock.systemUTC());
        Optional<OrgView> view;
        try (ChangeLog log = StreamConnections.changeLog(common)) {
            view = log.asOf(org, instant);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (view.isEmpty()) {
            spec.commandLine().getErr().println("as-of: organization '" + org + "' did not exist at " + instant);
            return ExitCodes.FOUND;
        }
        out.print(format.equals("json") ? ViewFormat.json(view.get()) + System.lineSeparator() : ViewFormat.text(view.get()));
        return ExitCodes.OK;
    }
}
