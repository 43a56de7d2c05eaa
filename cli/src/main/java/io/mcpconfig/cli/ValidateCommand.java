package io.mcpconfig.cli;

import io.mcpconfig.admin.ConfigAdmin;
import io.mcpconfig.admin.Problem;
import io.mcpconfig.admin.Scope;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcpconfig validate [--org O | --all]}: exit 1 if any item fails. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check every template compiles, uses only declared arguments and every required one; "
                + "list items not served. Default: the defaults. Exit 1 if anything fails.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;
    @ArgGroup(exclusive = true) Which which = new Which();

    static final class Which {
        @Option(names = "--org", paramLabel = "ORG", description = "One org's overrides and org-only items.") String org;
        @Option(names = "--all", description = "The defaults and every org.") boolean all;
    }

    @Override
    public Integer call() {
        ConfigAdmin admin = common.admin();
        List<Problem> problems = which.all ? admin.validateAll()
                : admin.validate(which.org == null ? Scope.DEFAULTS : Scope.org(which.org));
        PrintWriter out = spec.commandLine().getOut();
        problems.forEach(p -> out.println(p));
        String what = which.all ? "the defaults and every org" : which.org == null ? "the defaults" : "org " + which.org;
        out.println(problems.isEmpty() ? "ok: " + what + " valid" : problems.size() + " problem(s) in " + what);
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FOUND;
    }
}
