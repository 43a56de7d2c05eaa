package io.mcpconfig.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A benchmark thread's position in its benchmark's prepared pairs: per thread, so threads do not
 * contend on one cursor. Public because JMH instantiates it.
 */
@State(Scope.Thread)
public class Cursor {
    private int next;

    /** The next index, wrapping with {@code mask} (a power of two minus one). */
    int next(int mask) {
        return next++ & mask;
    }
}
