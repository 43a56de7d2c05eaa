package io.mcpconfig.cli;

import io.mcpconfig.admin.FieldValue;
import io.mcpconfig.admin.Item;
import io.mcpconfig.admin.Kind;
import io.mcpconfig.admin.Provenance;
import io.mcpconfig.admin.Scope;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mcpconfig prompts|resources list|show|set|unset|delete|impact}: one shape for both kinds,
 * built per kind (picocli instantiates no generic command, so they are added by {@link #of}).
 */
final class ItemCommands {
    private ItemCommands() {}

    /** The {@code prompts} or {@code resources} command with its subcommands. */
    static CommandLine of(Kind kind) {
        String plural = kind.label() + "s";
        CommandLine group = new CommandLine(new Group());
        group.getCommandSpec().name(plural).usageMessage().description(
                "Default " + plural + " (without --org) and org overrides (--org ORG): list, show, set, unset, delete.");
        group.addSubcommand("list", new CommandLine(new ListItems(kind)));
        group.addSubcommand("show", new CommandLine(new Show(kind)));
        group.addSubcommand("set", new CommandLine(kind == Kind.PROMPT ? new SetCommands.SetPrompt() : new SetCommands.SetResource()));
        group.addSubcommand("unset", new CommandLine(new Unset(kind)));
        group.addSubcommand("delete", new CommandLine(new Delete(kind)));
        group.addSubcommand("impact", new CommandLine(new Impact(kind)));
        return group;
    }

    @Command(mixinStandardHelpOptions = true)
    static final class Group {}

    /** The scope option every item command takes. */
    static final class ScopeOption {
        @Option(names = "--org", paramLabel = "ORG", description = "The org's override or org-only item (default: the defaults).")
        String org;

        Scope scope() {
            return org == null ? Scope.DEFAULTS : Scope.org(org);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The effective items, which fields the org overrides, and whether each is served.")
    static final class ListItems implements Callable<Integer> {
        private final Kind kind;
        @Mixin CommonOptions common;
        @Mixin ScopeOption scope;
        @Spec CommandSpec spec;
        @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
        Output.Format format;

        ListItems(Kind kind) {
            this.kind = kind;
        }

        @Override
        public Integer call() {
            List<Item> items = common.admin().items(kind).list(scope.scope());
            PrintWriter out = spec.commandLine().getOut();
            if (format == Output.Format.JSON) {
                Output.json(out, items);
                return ExitCodes.OK;
            }
            Output.table(out, List.of(kind.keyName().toUpperCase(), "VERSION", "SERVED", "OVERRIDDEN", "TITLE"),
                    items.stream().map(i -> List.of(i.key(), String.valueOf(i.version()), i.served() ? "yes" : "no",
                            overridden(i), Output.brief(i.field("title").value(), 40))).toList());
            return ExitCodes.OK;
        }

        private static String overridden(Item item) {
            List<String> own = item.fields().entrySet().stream()
                    .filter(e -> e.getValue().provenance() == Provenance.OVERRIDDEN || e.getValue().provenance() == Provenance.ORG_ONLY)
                    .map(Map.Entry::getKey).toList();
            if (item.scope().isDefaults()) {
                return "-";
            }
            return item.defaultVersion() == null ? "org-only" : own.isEmpty() ? "-" : String.join(",", own);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One effective item, each field with where it comes from.")
    static final class Show implements Callable<Integer> {
        private final Kind kind;
        @Mixin CommonOptions common;
        @Mixin ScopeOption scope;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "KEY", description = "Prompt name or resource URI.") String key;
        @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
        Output.Format format;

        Show(Kind kind) {
            this.kind = kind;
        }

        @Override
        public Integer call() {
            Item item = common.admin().items(kind).get(scope.scope(), key);
            if (format == Output.Format.JSON) {
                Output.json(spec.commandLine().getOut(), item);
            } else {
                print(spec.commandLine().getOut(), item);
            }
            return ExitCodes.OK;
        }
    }

    /** The item as a person reads it: a heading, then each field, provenance, and the value (multi-line indented). */
    static void print(PrintWriter out, Item item) {
        out.println(item.kind().label() + " " + item.key() + " (" + item.scope() + ", version " + item.version()
                + (item.scope().isDefaults() ? "" : ", default version " + Output.text(item.defaultVersion()))
                + ", " + (item.served() ? "served" : "not served" + (item.omittedReason() == null ? ": inactive" : ": " + item.omittedReason()))
                + (item.updatedBy() == null ? "" : ", last changed " + item.updatedAt() + " by " + item.updatedBy()) + ")");
        for (Map.Entry<String, FieldValue> e : item.fields().entrySet()) {
            FieldValue v = e.getValue();
            String provenance = v.provenance().name().toLowerCase().replace('_', '-');
            String value = v.value() == null ? "-" : v.value().isTextual() ? v.value().asText() : v.value().toString();
            if (e.getKey().equals("blob") && v.value() != null) {
                value = "(" + java.util.Base64.getDecoder().decode(v.value().asText()).length + " bytes)";
            }
            if (value.contains("\n")) {
                out.printf("  %-12s %-11s |%n", e.getKey(), provenance);
                value.lines().forEach(l -> out.println("      " + l));
            } else {
                out.printf("  %-12s %-11s %s%n", e.getKey(), provenance, value);
            }
        }
    }

    @Command(name = "unset", mixinStandardHelpOptions = true, description = "Return org fields to the inherited value (for the defaults: empty an optional field).")
    static final class Unset implements Callable<Integer> {
        private final Kind kind;
        @Mixin CommonOptions common;
        @Mixin ScopeOption scope;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "KEY") String key;
        @Option(names = "--field", required = true, split = ",", paramLabel = "FIELD", description = "Field(s) to unset, e.g. --field template,title.")
        List<String> fields;
        @Option(names = "--if-version", paramLabel = "N", description = "Fail with a conflict unless the row is at version N.")
        Long ifVersion;

        Unset(Kind kind) {
            this.kind = kind;
        }

        @Override
        public Integer call() {
            Item item = common.admin().items(kind).unset(common.actor(), scope.scope(), key, new LinkedHashSet<>(fields), ifVersion);
            print(spec.commandLine().getOut(), item);
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete the row: an org's override (the org inherits again) or a default.")
    static final class Delete implements Callable<Integer> {
        private final Kind kind;
        @Mixin CommonOptions common;
        @Mixin ScopeOption scope;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "KEY") String key;
        @Option(names = "--if-version", paramLabel = "N", description = "Fail with a conflict unless the row is at version N.")
        Long ifVersion;

        Delete(Kind kind) {
            this.kind = kind;
        }

        @Override
        public Integer call() {
            common.admin().items(kind).delete(common.actor(), scope.scope(), key, ifVersion);
            spec.commandLine().getOut().println("deleted " + scope.scope() + " " + kind.label() + " " + key);
            return ExitCodes.OK;
        }
    }

    @Command(name = "impact", mixinStandardHelpOptions = true, description = "How many orgs inherit these fields of a default (would see a change of them).")
    static final class Impact implements Callable<Integer> {
        private final Kind kind;
        @Mixin CommonOptions common;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "KEY") String key;
        @Option(names = "--field", required = true, split = ",", paramLabel = "FIELD") List<String> fields;

        Impact(Kind kind) {
            this.kind = kind;
        }

        @Override
        public Integer call() {
            int n = common.admin().items(kind).inheritors(key, new LinkedHashSet<>(fields));
            spec.commandLine().getOut().println(n + " org(s) inherit " + String.join(", ", fields) + " of default " + kind.label() + " " + key);
            return ExitCodes.OK;
        }
    }
}
