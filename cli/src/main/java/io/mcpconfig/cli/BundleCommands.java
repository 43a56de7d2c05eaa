package io.mcpconfig.cli;

import io.mcpconfig.admin.Bundle;
import io.mcpconfig.admin.BundleFormat;
import io.mcpconfig.admin.Bundles;
import io.mcpconfig.admin.FieldChange;
import io.mcpconfig.admin.Plan;
import io.mcpconfig.admin.PlannedChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcpconfig export} and {@code mcpconfig import}: bundles (README, "Bundle format"). */
final class BundleCommands {
    private BundleCommands() {}

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write config as a bundle (YAML or JSON) to stdout or a file.")
    static final class Export implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Spec CommandSpec spec;
        @ArgGroup(exclusive = true) Which which = new Which();
        @Option(names = "--format", defaultValue = "yaml", description = "yaml or json (default: ${DEFAULT-VALUE}).") Format format;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.") Path output;

        enum Format { YAML, JSON }

        static final class Which {
            @Option(names = "--org", paramLabel = "ORG", description = "One org: its fields, overrides and org-only items.") String org;
            @Option(names = "--defaults", description = "The defaults only.") boolean defaults;
            @Option(names = "--all", description = "The defaults and every org (the default).") boolean all;
        }

        @Override
        public Integer call() throws IOException {
            Bundles bundles = common.admin().bundles();
            Bundle bundle = which.org != null ? bundles.exportOrg(which.org) : which.defaults ? bundles.exportDefaults() : bundles.exportAll();
            String text = format == Format.JSON ? BundleFormat.toJson(bundle) : BundleFormat.toYaml(bundle);
            if (output == null) {
                spec.commandLine().getOut().print(text);
            } else {
                Files.writeString(output, text, StandardCharsets.UTF_8);
                spec.commandLine().getErr().println("wrote " + output);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Apply a bundle: validated whole, then one transaction or nothing. Prints the plan (create/update/delete, field by field).")
    static final class Import implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "A YAML or JSON bundle ('-' for stdin).") String file;
        @Option(names = "--dry-run", description = "Print the plan and the problems, write nothing.") boolean dryRun;
        @Option(names = "--prune", description = "Also delete rows the bundle lacks (within what it covers; a bundle of everything also removes orgs).")
        boolean prune;

        @Override
        public Integer call() throws IOException {
            String text = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
            Bundle bundle = BundleFormat.parse(text);
            Bundles bundles = common.admin().bundles();
            Plan plan = dryRun ? bundles.plan(bundle, prune) : bundles.apply(common.actor(), bundle, prune);
            PrintWriter out = spec.commandLine().getOut();
            for (PlannedChange change : plan.changes()) {
                out.println(change);
                for (FieldChange f : change.fields()) {
                    Output.change(out, "    ", f);
                }
            }
            out.println(plan.isEmpty() ? "nothing to do: the database holds the bundle"
                    : (dryRun ? "dry run: would apply " : "applied ") + plan.changes().size() + " change(s)"
                            + (dryRun ? ", wrote nothing" : ""));
            return ExitCodes.OK;
        }
    }
}
