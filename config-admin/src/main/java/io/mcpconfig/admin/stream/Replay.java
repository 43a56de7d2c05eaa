package io.mcpconfig.admin.stream;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import io.mcpconfig.schemas.merge.EventCheck;
import io.mcpconfig.schemas.merge.MergeRule;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The materializer's transaction rules, replayed in memory over change events in commit order:
 * a scope's row events are buffered until its COMMIT marker and applied whole (all of seq
 * 0..eventCount-1 present) or not at all, at most once per commit LSN; a transaction of SNAPSHOT
 * events replaces the scope's rows; {@link EventCheck} (shared with the materializer) decides which
 * records and rows are unusable. Views come from {@link MergeRule} only, with the materializer's
 * revision (the newer of the org's and the defaults' last applied commit). Not thread-safe.
 */
final class Replay {
    private final Map<String, Scope> scopes = new HashMap<>();
    private long skipped;
    private long incomplete;

    private static final class Scope {
        long lsn = -1;
        long commitTime;
        OrganizationRow org;
        final Map<String, PromptRow> prompts = new HashMap<>();
        final Map<String, ResourceRow> resources = new HashMap<>();
        /** Open transactions: txId -> seq -> event. */
        final Map<String, TreeMap<Integer, ChangeEvent>> open = new HashMap<>();
    }

    /** Applies one event of {@code key}'s partition. */
    void accept(String key, ChangeEvent e) {
        if (EventCheck.recordProblem(key, e) != null) {
            skipped++;
            return;
        }
        Scope s = scopes.computeIfAbsent(e.getScope(), k -> new Scope());
        if (e.getCommitLsn() <= s.lsn) {
            if (e.getOp() == ChangeOp.COMMIT) {
                take(s, e); // drops leftovers of a replayed transaction
            }
            return;
        }
        if (e.getOp() != ChangeOp.COMMIT) {
            s.open.computeIfAbsent(e.getTxId(), t -> new TreeMap<>()).put(e.getSeq(), e);
            return;
        }
        TreeMap<Integer, ChangeEvent> events = take(s, e);
        if (events.size() != e.getEventCount()) {
            incomplete++;
            return;
        }
        if (!events.isEmpty() && events.values().stream().allMatch(ev -> ev.getOp() == ChangeOp.SNAPSHOT)) {
            s.org = null;
            s.prompts.clear();
            s.resources.clear();
        }
        for (ChangeEvent ev : events.values()) {
            apply(s, ev);
        }
        s.lsn = e.getCommitLsn();
        s.commitTime = e.getCommitTime().toEpochMilli();
    }

    private void apply(Scope s, ChangeEvent ev) {
        if (EventCheck.rowProblem(ev) != null) {
            skipped++;
            return;
        }
        boolean delete = ev.getOp() == ChangeOp.DELETE;
        switch (ev.getTable()) {
            case ORGANIZATION -> s.org = delete ? null : (OrganizationRow) ev.getAfter();
            case DEFAULT_PROMPT, ORGANIZATION_PROMPT -> {
                if (delete) {
                    s.prompts.remove(ev.getRowKey());
                } else {
                    s.prompts.put(ev.getRowKey(), (PromptRow) ev.getAfter());
                }
            }
            case DEFAULT_RESOURCE, ORGANIZATION_RESOURCE -> {
                if (delete) {
                    s.resources.remove(ev.getRowKey());
                } else {
                    s.resources.put(ev.getRowKey(), (ResourceRow) ev.getAfter());
                }
            }
        }
    }

    /** Removes the commit's events (seq below eventCount) and every older open transaction of the scope. */
    private static TreeMap<Integer, ChangeEvent> take(Scope s, ChangeEvent commit) {
        TreeMap<Integer, ChangeEvent> mine = s.open.remove(commit.getTxId());
        TreeMap<Integer, ChangeEvent> result = new TreeMap<>();
        if (mine != null) {
            result.putAll(mine.headMap(commit.getEventCount()));
        }
        for (Iterator<TreeMap<Integer, ChangeEvent>> it = s.open.values().iterator(); it.hasNext(); ) {
            TreeMap<Integer, ChangeEvent> other = it.next();
            if (!other.isEmpty() && other.firstEntry().getValue().getCommitLsn() <= commit.getCommitLsn()) {
                it.remove(); // an older transaction can no longer complete
            }
        }
        return result;
    }

    /** The org's view as the merge rule makes it now; null when the org does not exist (a tombstone). */
    OrgView orgView(String org) {
        Scope s = scopes.get(org);
        if (s == null || s.org == null) {
            return null;
        }
        Scope d = defaults();
        boolean orgNewer = s.lsn >= d.lsn;
        return MergeRule.orgView(s.org, d.prompts, s.prompts, d.resources, s.resources,
                orgNewer ? s.lsn : d.lsn, Instant.ofEpochMilli(orgNewer ? s.commitTime : d.commitTime));
    }

    /** The defaults-only view; null until a defaults transaction was applied. */
    OrgView defaultsView() {
        Scope d = defaults();
        if (d.lsn < 0) {
            return null;
        }
        return MergeRule.defaultsView(d.prompts, d.resources, d.lsn, Instant.ofEpochMilli(d.commitTime));
    }

    /** Every scope that has a view now ({@code _defaults} first if it has one), sorted. */
    TreeSet<String> liveScopes() {
        TreeSet<String> keys = new TreeSet<>();
        scopes.forEach((k, s) -> {
            if (Scopes.isDefaults(k) ? s.lsn >= 0 : s.org != null) {
                keys.add(k);
            }
        });
        return keys;
    }

    /** The view of a scope from {@link #liveScopes()}. */
    OrgView view(String scope) {
        return Scopes.isDefaults(scope) ? defaultsView() : orgView(scope);
    }

    long skipped() {
        return skipped;
    }

    long incompleteTransactions() {
        return incomplete;
    }

    private Scope defaults() {
        return scopes.computeIfAbsent(Scopes.DEFAULTS, k -> new Scope());
    }
}
