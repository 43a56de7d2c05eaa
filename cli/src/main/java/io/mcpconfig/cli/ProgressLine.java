package io.mcpconfig.cli;

import io.mcpconfig.admin.stream.RebuildProgress;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Progress of long work on stderr: a bar redrawn in place on a terminal, plain lines (at most one
 * a second, and the last) otherwise, so logs and CI output stay readable. Small on purpose: the
 * bar is one line of text, not worth a library with its own terminal handling.
 */
final class ProgressLine implements Consumer<RebuildProgress> {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private final String what;
    private long lastPrint;

    ProgressLine(PrintWriter err, boolean terminal, String what) {
        this.err = err;
        this.terminal = terminal;
        this.what = what;
    }

    /** Whether the process writes to a terminal (a console is attached and MCPCONFIG_CLI_PLAIN is unset). */
    static boolean onTerminal() {
        return System.console() != null && System.getenv("MCPCONFIG_CLI_PLAIN") == null;
    }

    @Override
    public void accept(RebuildProgress p) {
        long now = System.nanoTime();
        boolean done = p.done();
        if (!terminal && !done && now - lastPrint < 1_000_000_000L) {
            return;
        }
        lastPrint = now;
        double fraction = p.eventsTotal() == 0 ? 1 : Math.min(1, (double) p.eventsRead() / p.eventsTotal());
        String numbers = String.format("%s %,d/%,d events, %,.0f/s, %s", what, p.eventsRead(), p.eventsTotal(), p.rate(),
                done ? "done in " + seconds(p.elapsedNanos() / 1_000_000_000L) : "ETA " + (p.etaSeconds() < 0 ? "?" : seconds(p.etaSeconds())));
        if (terminal) {
            int filled = (int) Math.round(fraction * WIDTH);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + String.format("%3d%% ", Math.round(fraction * 100))
                    + numbers + (done ? System.lineSeparator() : ""));
        } else {
            err.println(String.format("%3d%% ", Math.round(fraction * 100)) + numbers);
        }
        err.flush();
    }

    private static String seconds(long s) {
        return s < 120 ? s + "s" : (s / 60) + "m" + (s % 60) + "s";
    }
}
