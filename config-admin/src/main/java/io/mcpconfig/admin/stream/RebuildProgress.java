package io.mcpconfig.admin.stream;

/**
 * How far a replay of the changes topic got, reported every few thousand events and at the end.
 *
 * @param eventsRead events read so far
 * @param eventsTotal events to read (records between the start and the end offsets taken at start)
 * @param elapsedNanos time since the read started
 */
public record RebuildProgress(long eventsRead, long eventsTotal, long elapsedNanos) {
    /** Events per second so far; 0 before the first second's worth of work. */
    public double rate() {
        return elapsedNanos <= 0 ? 0 : eventsRead * 1e9 / elapsedNanos;
    }

    /** Seconds left at the current rate; -1 while unknown. */
    public long etaSeconds() {
        double r = rate();
        return r <= 0 ? -1 : (long) Math.ceil(Math.max(0, eventsTotal - eventsRead) / r);
    }

    public boolean done() {
        return eventsRead >= eventsTotal;
    }
}
