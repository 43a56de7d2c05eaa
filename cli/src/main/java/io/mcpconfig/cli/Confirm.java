package io.mcpconfig.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;

/** Asks before a destructive step, on a terminal only: a script must say {@code --yes}. */
final class Confirm {
    private Confirm() {}

    static boolean ask(CommandSpec spec, boolean yes, String question) {
        if (yes) {
            return true;
        }
        if (System.console() == null) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + question + " Not a terminal: pass --yes to go ahead.");
            return false;
        }
        spec.commandLine().getOut().print(question + " [y/N] ");
        spec.commandLine().getOut().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            boolean go = answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y");
            if (!go) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": not confirmed, nothing was written");
            }
            return go;
        } catch (IOException e) {
            return false;
        }
    }
}
