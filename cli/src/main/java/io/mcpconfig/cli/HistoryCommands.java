package io.mcpconfig.cli;

import io.mcpconfig.admin.FieldChange;
import io.mcpconfig.admin.Item;
import io.mcpconfig.admin.ItemVersion;
import io.mcpconfig.admin.Kind;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcpconfig history|diff|rollback KIND KEY [--org O]}. */
final class HistoryCommands {
    private HistoryCommands() {}

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Every version of an item: actor, time, transaction, fields changed.")
    static final class History implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Mixin ItemCommands.ScopeOption scope;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "KIND", description = "prompt or resource.") Kind kind;
        @Parameters(index = "1", paramLabel = "KEY") String key;
        @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
        Output.Format format;

        @Override
        public Integer call() {
            List<ItemVersion> versions = common.admin().history().versions(kind, scope.scope(), key);
            if (format == Output.Format.JSON) {
                Output.json(spec.commandLine().getOut(), versions);
                return ExitCodes.OK;
            }
            Output.table(spec.commandLine().getOut(), List.of("VERSION", "OP", "TIME", "ACTOR", "TX", "CHANGED"),
                    versions.stream().map(v -> List.of(String.valueOf(v.version()), op(v.op()), v.changedAt().toString(),
                            v.actor(), String.valueOf(v.txId()), v.changed().isEmpty() ? "-" : String.join(",", v.changed()))).toList());
            return ExitCodes.OK;
        }

        private static String op(char op) {
            return op == 'I' ? "insert" : op == 'U' ? "update" : "delete";
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true, description = "The fields that differ between two versions of an item.")
    static final class Diff implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Mixin ItemCommands.ScopeOption scope;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "KIND") Kind kind;
        @Parameters(index = "1", paramLabel = "KEY") String key;
        @Option(names = "--from", required = true, paramLabel = "V") long from;
        @Option(names = "--to", required = true, paramLabel = "V") long to;

        @Override
        public Integer call() {
            List<FieldChange> changes = common.admin().history().diff(kind, scope.scope(), key, from, to);
            print(spec.commandLine().getOut(), changes);
            return ExitCodes.OK;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Write an earlier version back as a new version (shows the diff, asks unless --yes).")
    static final class Rollback implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Mixin ItemCommands.ScopeOption scope;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "KIND") Kind kind;
        @Parameters(index = "1", paramLabel = "KEY") String key;
        @Option(names = "--to-version", required = true, paramLabel = "V") long toVersion;
        @Option(names = "--if-version", paramLabel = "N", description = "Fail with a conflict unless the row is at version N (default: the version the diff was shown for).")
        Long ifVersion;
        @Option(names = "--yes", description = "Do not ask.") boolean yes;

        @Override
        public Integer call() {
            var history = common.admin().history();
            List<ItemVersion> versions = history.versions(kind, scope.scope(), key);
            long current = versions.get(versions.size() - 1).version();
            PrintWriter out = spec.commandLine().getOut();
            out.println("rollback of " + scope.scope() + " " + kind.label() + " " + key + " from version " + current + " to " + toVersion + ":");
            print(out, history.diff(kind, scope.scope(), key, current, toVersion));
            if (!Confirm.ask(spec, yes, "write version " + toVersion + "'s content as a new version?")) {
                return ExitCodes.USAGE;
            }
            // The check is against what the diff showed: a write in between is a conflict, not overwritten.
            boolean deleted = versions.get(versions.size() - 1).op() == 'D';
            Long expected = ifVersion != null ? ifVersion : deleted ? Long.valueOf(0) : Long.valueOf(current);
            Optional<Item> item = history.rollback(common.actor(), kind, scope.scope(), key, toVersion, expected);
            if (item.isPresent()) {
                ItemCommands.print(out, item.get());
            } else {
                out.println("version " + toVersion + " was a delete: the row is deleted again");
            }
            return ExitCodes.OK;
        }
    }

    static void print(PrintWriter out, List<FieldChange> changes) {
        if (changes.isEmpty()) {
            out.println("  (no differences)");
        }
        for (FieldChange c : changes) {
            Output.change(out, "  ", c);
        }
    }
}
