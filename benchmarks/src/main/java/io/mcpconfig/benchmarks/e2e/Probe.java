package io.mcpconfig.benchmarks.e2e;

import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.ViewChange;
import io.mcpconfig.cache.ViewListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Times changes from commit to the client cache: the writer registers the template it committed
 * (and when), the cache's listener records the delay when an org's view first serves it.
 */
final class Probe implements ViewListener {
    private record Pending(String org, long committedNanos) {}

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, String> lastTemplate = new ConcurrentHashMap<>();
    final List<Double> latenciesMillis = new CopyOnWriteArrayList<>();
    final List<Long> seenAtNanos = new CopyOnWriteArrayList<>();

    /** Call right after the commit of a change that sets {@code org}'s code_review template to {@code template}. */
    void committed(String org, String template, long committedNanos) {
        pending.put(template, new Pending(org, committedNanos));
        lastTemplate.put(org, template);
    }

    /** Whether the cache serves every org's last committed template (superseded changes are never seen). */
    boolean caughtUp(io.mcpconfig.cache.ConfigCache cache) {
        for (Map.Entry<String, String> e : lastTemplate.entrySet()) {
            Prompt p = cache.forOrg(e.getKey()).prompt("code_review");
            if (p == null || !p.template().equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    void reset() {
        pending.clear();
        lastTemplate.clear();
        latenciesMillis.clear();
        seenAtNanos.clear();
    }

    @Override
    public void onChange(ViewChange change) {
        long now = System.nanoTime();
        Prompt p = change.after().prompt("code_review");
        if (p == null) {
            return;
        }
        Pending hit = pending.remove(p.template());
        if (hit != null && hit.org().equals(change.orgId())) {
            latenciesMillis.add((now - hit.committedNanos()) / 1e6);
            seenAtNanos.add(now);
        }
    }
}
