package io.mcpconfig.console.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpconfig.admin.Actor;
import io.mcpconfig.admin.Bundle;
import io.mcpconfig.admin.BundleFormat;
import io.mcpconfig.admin.ConfigAdmin;
import io.mcpconfig.admin.FieldChange;
import io.mcpconfig.admin.Item;
import io.mcpconfig.admin.ItemVersion;
import io.mcpconfig.admin.Kind;
import io.mcpconfig.admin.Org;
import io.mcpconfig.admin.Plan;
import io.mcpconfig.admin.Problem;
import io.mcpconfig.admin.RenderedPrompt;
import io.mcpconfig.admin.Scope;
import io.mcpconfig.admin.ScopeContents;
import io.mcpconfig.admin.stream.AuditCursor;
import io.mcpconfig.admin.stream.AuditEntry;
import io.mcpconfig.admin.stream.AuditQuery;
import io.mcpconfig.admin.stream.ChangeLog;
import io.mcpconfig.console.internal.auth.AccessDeniedException;
import io.mcpconfig.console.internal.auth.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a person can do in the console, for the API and the pages alike: each call checks the
 * person's role (the only rule the console owns: who may write which scope) and hands the work to
 * the control-plane library, attributed to the person. Thread-safe.
 */
public final class ControlPlane {
    private final ConfigAdmin admin;
    private final ChangeLog changes;
    private final Propagation propagation;

    public ControlPlane(ConfigAdmin admin, ChangeLog changes, Propagation propagation) {
        this.admin = admin;
        this.changes = changes;
        this.propagation = propagation;
    }

    /** A write's result and the id of its propagation watch (for the pushed confirmation). */
    public record Saved<T>(T value, String watch) {}

    // ---- who may write what: one home

    public static void mayWrite(User user, Scope scope) {
        if (scope.isDefaults()) {
            AccessDeniedException.unless(user.isAdmin(), user.subject() + " may not change defaults: that takes the admin role");
        } else {
            AccessDeniedException.unless(user.canEditOrg(scope.org()), user.subject() + " may not change org "
                    + scope.org() + ": " + (user.canWriteSomething() ? "the token lists other orgs" : "viewers only read"));
        }
    }

    public static void mayAdminister(User user, String what) {
        AccessDeniedException.unless(user.isAdmin(), user.subject() + " may not " + what + ": that takes the admin role");
    }

    private static Actor actor(User user) {
        return new Actor(user.subject());
    }

    // ---- organizations

    public List<Org> orgs(String search) {
        return admin.orgs().list(search);
    }

    public Org org(String id) {
        return admin.orgs().get(id);
    }

    public Saved<Org> addOrg(User user, String id, String displayName) {
        mayAdminister(user, "add organizations");
        String watch = propagation.before(Scope.org(id));
        return new Saved<>(admin.orgs().add(actor(user), id, displayName), watch);
    }

    public Saved<Org> setOrgActive(User user, String id, boolean active, Long ifVersion) {
        mayAdminister(user, "turn organizations on or off");
        String watch = propagation.before(Scope.org(id));
        return new Saved<>(admin.orgs().setActive(actor(user), id, active, ifVersion), watch);
    }

    public void removeOrg(User user, String id, Long ifVersion) {
        mayAdminister(user, "remove organizations");
        admin.orgs().remove(actor(user), id, ifVersion);
    }

    // ---- prompts and resources

    public List<Item> items(Kind kind, Scope scope) {
        return admin.items(kind).list(scope);
    }

    /** The org (null for the defaults) and its prompts and resources in one read: what a scope's page shows. */
    public ScopeContents contents(Scope scope) {
        return admin.contents(scope);
    }

    public Item item(Kind kind, Scope scope, String key) {
        return admin.items(kind).get(scope, key);
    }

    public Saved<Item> set(User user, Kind kind, Scope scope, String key, Map<String, JsonNode> fields, Long ifVersion) {
        mayWrite(user, scope);
        String watch = propagation.before(scope);
        return new Saved<>(admin.items(kind).set(actor(user), scope, key, fields, ifVersion), watch);
    }

    public Saved<Item> unset(User user, Kind kind, Scope scope, String key, Set<String> fields, Long ifVersion) {
        mayWrite(user, scope);
        String watch = propagation.before(scope);
        return new Saved<>(admin.items(kind).unset(actor(user), scope, key, fields, ifVersion), watch);
    }

    public Saved<Void> delete(User user, Kind kind, Scope scope, String key, Long ifVersion) {
        mayWrite(user, scope);
        String watch = propagation.before(scope);
        admin.items(kind).delete(actor(user), scope, key, ifVersion);
        return new Saved<>(null, watch);
    }

    /** How many orgs take at least one of {@code fields} of default {@code key} (and so change with it). */
    public int inheritors(Kind kind, String key, Set<String> fields) {
        return admin.items(kind).inheritors(key, fields);
    }

    // ---- history

    public List<ItemVersion> versions(Kind kind, Scope scope, String key) {
        return admin.history().versions(kind, scope, key);
    }

    public List<FieldChange> diff(Kind kind, Scope scope, String key, long from, long to) {
        return admin.history().diff(kind, scope, key, from, to);
    }

    public Saved<Optional<Item>> rollback(User user, Kind kind, Scope scope, String key, long toVersion, Long ifVersion) {
        mayWrite(user, scope);
        String watch = propagation.before(scope);
        return new Saved<>(admin.history().rollback(actor(user), kind, scope, key, toVersion, ifVersion), watch);
    }

    // ---- render and validate

    public RenderedPrompt render(String org, String prompt, Map<String, String> arguments) {
        return admin.render(org, prompt, arguments);
    }

    public List<Problem> validate(Scope scope) {
        return admin.validate(scope);
    }

    public List<Problem> validate(Kind kind, Scope scope, String key) {
        return admin.validate(kind, scope, key);
    }

    // ---- bundles

    public String export(String coverage, boolean json) {
        Bundle bundle = switch (coverage) {
            case "all" -> admin.bundles().exportAll();
            case "defaults" -> admin.bundles().exportDefaults();
            default -> admin.bundles().exportOrg(coverage);
        };
        return json ? BundleFormat.toJson(bundle) : BundleFormat.toYaml(bundle);
    }

    public Plan plan(String bundleText, boolean prune) {
        return admin.bundles().plan(BundleFormat.parse(bundleText), prune);
    }

    public Plan apply(User user, String bundleText, boolean prune) {
        mayAdminister(user, "import bundles");
        return admin.bundles().apply(actor(user), BundleFormat.parse(bundleText), prune);
    }

    // ---- audit

    /** A page of audit entries, oldest first: {@code skip} entries are passed over, at most {@code limit} returned. */
    public AuditPage audit(AuditQuery query, int skip, int limit) {
        List<AuditEntry> entries = new ArrayList<>();
        boolean more = false;
        try (AuditCursor cursor = changes.audit(query, false)) {
            int seen = 0;
            while (cursor.hasNext()) {
                AuditEntry entry = cursor.next();
                if (seen++ < skip) {
                    continue;
                }
                if (entries.size() == limit) {
                    more = true;
                    break;
                }
                entries.add(entry);
            }
        }
        return new AuditPage(entries, skip, more);
    }

    /** Every entry the query selects, oldest first, handed to {@code sink} as it is read: an export is whole, never capped. */
    public void auditEach(AuditQuery query, Consumer<AuditEntry> sink) {
        try (AuditCursor cursor = changes.audit(query, false)) {
            cursor.forEachRemaining(sink);
        }
    }

    /** One page of the audit, and whether there are more after it. */
    public record AuditPage(List<AuditEntry> entries, int skip, boolean more) {}

    public Propagation propagation() {
        return propagation;
    }
}
