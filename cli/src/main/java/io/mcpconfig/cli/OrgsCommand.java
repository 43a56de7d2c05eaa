package io.mcpconfig.cli;

import io.mcpconfig.admin.Org;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mcpconfig orgs list|add|enable|disable|remove}. */
@Command(name = "orgs", mixinStandardHelpOptions = true, description = "List, add, enable, disable and remove organizations.",
        subcommands = {OrgsCommand.List.class, OrgsCommand.Add.class, OrgsCommand.Enable.class,
                OrgsCommand.Disable.class, OrgsCommand.Remove.class})
final class OrgsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Organizations with their number of overrides and last change.")
    static final class List implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Spec CommandSpec spec;
        @Option(names = "--search", paramLabel = "TEXT", description = "Only orgs whose id or name contains TEXT (any case).")
        String search;
        @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
        Output.Format format;

        @Override
        public Integer call() {
            java.util.List<Org> orgs = common.admin().orgs().list(search);
            if (format == Output.Format.JSON) {
                Output.json(spec.commandLine().getOut(), orgs);
            } else {
                Output.table(spec.commandLine().getOut(), java.util.List.of("ID", "NAME", "ACTIVE", "VERSION", "OVERRIDES", "LAST CHANGE"),
                        orgs.stream().map(o -> java.util.List.of(o.id(), o.displayName(), String.valueOf(o.active()),
                                String.valueOf(o.version()), String.valueOf(o.overrides()),
                                o.lastChange() == null ? "-" : o.lastChange() + " by " + o.lastActor())).toList());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an organization (it inherits every default).")
    static final class Add implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "Org id: lowercase a-z, 0-9, '.', '-', '_' (at most 63).")
        String id;
        @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: the id).")
        String name;

        @Override
        public Integer call() {
            Org org = common.admin().orgs().add(common.actor(), id, name);
            spec.commandLine().getOut().println("added org " + org.id() + " (" + org.displayName() + "), version " + org.version());
            return ExitCodes.OK;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Serve the organization again.")
    static final class Enable implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--if-version", paramLabel = "N", description = "Fail with a conflict unless the org is at version N.")
        Long ifVersion;

        @Override
        public Integer call() {
            return toggle(common, spec, id, true, ifVersion);
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stop serving the organization (its view serves nothing).")
    static final class Disable implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--if-version", paramLabel = "N", description = "Fail with a conflict unless the org is at version N.")
        Long ifVersion;

        @Override
        public Integer call() {
            return toggle(common, spec, id, false, ifVersion);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete the organization and all its overrides.")
    static final class Remove implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--if-version", paramLabel = "N", description = "Fail with a conflict unless the org is at version N.")
        Long ifVersion;
        @Option(names = "--yes", description = "Do not ask.") boolean yes;

        @Override
        public Integer call() {
            Org org = common.admin().orgs().get(id);
            if (!Confirm.ask(spec, yes, "remove org " + id + " and its " + org.overrides() + " overrides?")) {
                return ExitCodes.USAGE;
            }
            common.admin().orgs().remove(common.actor(), id, ifVersion);
            spec.commandLine().getOut().println("removed org " + id);
            return ExitCodes.OK;
        }
    }

    private static int toggle(CommonOptions common, CommandSpec spec, String id, boolean active, Long ifVersion) {
        Org org = common.admin().orgs().setActive(common.actor(), id, active, ifVersion);
        spec.commandLine().getOut().println("org " + org.id() + " is " + (org.active() ? "enabled" : "disabled") + ", version " + org.version());
        return ExitCodes.OK;
    }

    private OrgsCommand() {}
}
