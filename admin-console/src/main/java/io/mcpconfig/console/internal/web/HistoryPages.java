package io.mcpconfig.console.internal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpconfig.admin.FieldChange;
import io.mcpconfig.admin.ItemVersion;
import io.mcpconfig.admin.Kind;
import io.mcpconfig.admin.Scope;
import io.mcpconfig.console.internal.ControlPlane;
import io.mcpconfig.console.internal.Requests;
import io.mcpconfig.console.internal.Routes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An item's versions (actor, time, fields changed) and rollback to any of them after a confirmation showing the diff. */
final class HistoryPages {
    private final ControlPlane plane;
    private final Html html;

    HistoryPages(ControlPlane plane, Html html) {
        this.plane = plane;
        this.html = html;
    }

    void register(Routes routes) {
        routes.add("GET", "/scopes/{scope}/{kind}/history", (q, r, p) -> history(q, r, Requests.scope(p.get(0)), Requests.kind(p.get(1))))
                .add("GET", "/ui/scopes/{scope}/{kind}/rollback", (q, r, p) -> confirm(q, r, Requests.scope(p.get(0)), Requests.kind(p.get(1))))
                .add("POST", "/ui/scopes/{scope}/{kind}/rollback", (q, r, p) -> rollback(q, r, Requests.scope(p.get(0)), Requests.kind(p.get(1))));
    }

    private void history(HttpServletRequest q, HttpServletResponse r, Scope scope, Kind kind) throws Exception {
        String key = Requests.required(q, "key");
        List<ItemVersion> versions = plane.versions(kind, scope, key);
        boolean canEdit;
        try {
            ControlPlane.mayWrite(Page.user(q), scope);
            canEdit = true;
        } catch (RuntimeException e) {
            canEdit = false;
        }
        long newest = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = versions.size() - 1; i >= 0; i--) {
            ItemVersion v = versions.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", v.version());
            row.put("op", switch (v.op()) {
                case 'I' -> "created";
                case 'D' -> "deleted";
                default -> "updated";
            });
            row.put("actor", v.actor());
            row.put("time", Page.time(v.changedAt()));
            row.put("changed", String.join(", ", v.changed()));
            row.put("canRollback", canEdit && v.version() != newest);
            row.put("newest", newest);
            rows.add(row);
        }
        Map<String, Object> page = Page.of(q, "History of " + kind.label() + " " + key + (scope.isDefaults() ? " (default)" : " for " + scope.org()),
                scope.isDefaults() ? "Defaults" : "Orgs");
        page.put("versions", rows);
        page.put("scope", Requests.scopePath(scope));
        page.put("kind", Requests.kindPath(kind));
        page.put("key", key);
        page.put("keyUrl", Page.url(key));
        page.put("scopeUrl", scope.isDefaults() ? "/defaults" : "/orgs/" + Page.url(scope.org()));
        html.write(r, 200, "history", page);
    }

    private void confirm(HttpServletRequest q, HttpServletResponse r, Scope scope, Kind kind) throws Exception {
        String key = Requests.required(q, "key");
        long to = Requests.longParam(q, "to");
        long newest = Requests.longParam(q, "newest");
        List<Map<String, Object>> diff = new ArrayList<>();
        for (FieldChange change : plane.diff(kind, scope, key, newest, to)) {
            diff.add(Map.of("field", change.field(), "before", show(change.before()), "after", show(change.after())));
        }
        Map<String, Object> page = Page.of(q, "", null);
        page.put("diff", diff);
        page.put("none", diff.isEmpty());
        page.put("to", to);
        page.put("newest", newest);
        page.put("key", key);
        page.put("scope", Requests.scopePath(scope));
        page.put("kind", Requests.kindPath(kind));
        html.write(r, 200, "rollback-confirm", page);
    }

    private void rollback(HttpServletRequest q, HttpServletResponse r, Scope scope, Kind kind) throws Exception {
        String key = Requests.required(q, "key");
        long to = Requests.longParam(q, "to");
        var saved = plane.rollback(Page.user(q), kind, scope, key, to, Requests.ifMatch(q));
        Map<String, Object> page = Page.of(q, "", null);
        page.put("what", "Rolled " + kind.label() + " " + key + " back to version " + to
                + saved.value().map(i -> " (now version " + i.version() + ")").orElse(" (deleted again)"));
        page.put("watch", saved.watch());
        r.setHeader("HX-Trigger", "saved");
        html.write(r, 200, "saved", page);
    }

    private static String show(JsonNode value) {
        return value == null || value.isNull() ? "(empty)" : value.isTextual() ? value.asText() : value.toString();
    }
}
