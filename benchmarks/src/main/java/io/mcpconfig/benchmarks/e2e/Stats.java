package io.mcpconfig.benchmarks.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of one run's samples (nearest rank). */
record Stats(int count, double p50, double p99, double max) {
    static Stats of(List<Double> samples) {
        if (samples.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return new Stats(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double rank(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    String millis() {
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", p50, p99, max, count);
    }
}
