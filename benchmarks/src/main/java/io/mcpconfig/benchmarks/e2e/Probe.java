package io.mcpconfig.benchmarks.e2e;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.ViewChange;
import io.mcpconfig.cache.ViewListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Times changes from commit to the client cache: the writer reports when it committed a template,
 * the cache's listener when an org's view first served it. Either may come first (on a busy machine
 * the client can see a change before the writer's commit call has returned), so both are kept until
 * they meet.
 */
final class Probe implements ViewListener {
    /** One change: its template (unique per change), when it was committed and when the client served it. */
    record Sample(String template, long committedNanos, long seenNanos) {
        double millis() {
            return Math.max(0, seenNanos - committedNanos) / 1e6;
        }
    }

    private final Map<String, Long> committedAt = new HashMap<>();
    private final Map<String, Long> seenAt = new HashMap<>();
    private final Map<String, String> lastTemplate = new ConcurrentHashMap<>();
    final List<Sample> samples = new CopyOnWriteArrayList<>();

    /** Call right after the commit of a change that sets {@code org}'s code_review template to {@code template}. */
    synchronized void committed(String org, String template, long committedNanos) {
        lastTemplate.put(org, template);
        Long seen = seenAt.remove(template);
        if (seen != null) {
            samples.add(new Sample(template, committedNanos, seen));
        } else {
            committedAt.put(template, committedNanos);
        }
    }

    @Override
    public void onChange(ViewChange change) {
        long now = System.nanoTime();
        Prompt p = change.after().prompt("code_review");
        if (p != null) {
            seen(p.template(), now);
        }
    }

    private synchronized void seen(String template, long now) {
        Long committed = committedAt.remove(template);
        if (committed != null) {
            samples.add(new Sample(template, committed, now));
        } else if (!seenAt.containsKey(template)) {
            seenAt.put(template, now);
        }
    }

    int count() {
        return samples.size();
    }

    List<Double> latenciesMillis() {
        return samples.stream().map(Sample::millis).toList();
    }

    /** Whether the cache serves every org's last committed template (superseded changes are never seen). */
    boolean caughtUp(ConfigCache cache) {
        for (Map.Entry<String, String> e : lastTemplate.entrySet()) {
            Prompt p = cache.forOrg(e.getKey()).prompt("code_review");
            if (p == null || !p.template().equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    synchronized void reset() {
        committedAt.clear();
        seenAt.clear();
        lastTemplate.clear();
        samples.clear();
    }
}
