package io.mcpconfig.console.internal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.mcpconfig.admin.FieldValue;
import io.mcpconfig.admin.Item;
import io.mcpconfig.admin.Kind;
import io.mcpconfig.admin.Org;
import io.mcpconfig.admin.Provenance;
import io.mcpconfig.admin.Scope;
import io.mcpconfig.admin.ScopeContents;
import io.mcpconfig.console.internal.ControlPlane;
import io.mcpconfig.console.internal.Requests;
import io.mcpconfig.console.internal.Routes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Organizations (search, active toggle), and one scope's items with per-field provenance and item actions. */
final class ScopePages {
    private final ControlPlane plane;
    private final Html html;

    ScopePages(ControlPlane plane, Html html) {
        this.plane = plane;
        this.html = html;
    }

    void register(Routes routes) {
        routes.add("GET", "/", (q, r, p) -> r.sendRedirect("/orgs"))
                .add("GET", "/orgs", (q, r, p) -> orgs(q, r))
                .add("POST", "/orgs/{org}/active", (q, r, p) -> {
                    boolean active = "true".equals(q.getParameter("active"));
                    var saved = plane.setOrgActive(Page.user(q), p.get(0), active, Requests.ifMatch(q));
                    Map<String, Object> page = Page.of(q, "", null);
                    page.put("o", orgRow(saved.value(), Page.user(q).isAdmin()));
                    page.put("watch", saved.watch());
                    html.write(r, 200, "org-row", page);
                })
                .add("GET", "/orgs/{org}", (q, r, p) -> scope(q, r, Scope.org(p.get(0))))
                .add("GET", "/defaults", (q, r, p) -> scope(q, r, Scope.DEFAULTS))
                .add("POST", "/ui/scopes/{scope}/{kind}/toggle", (q, r, p) -> {
                    Kind kind = Requests.kind(p.get(1));
                    Scope scope = Requests.scope(p.get(0));
                    var saved = plane.set(Page.user(q), kind, scope, Requests.required(q, "key"),
                            Map.of("active", BooleanNode.valueOf("true".equals(q.getParameter("active")))), Requests.ifMatch(q));
                    saved(q, r, scope, "Turned " + kind.label() + " " + saved.value().key() + ("true".equals(q.getParameter("active")) ? " on" : " off"), saved.watch());
                })
                .add("POST", "/ui/scopes/{scope}/{kind}/unset", (q, r, p) -> {
                    Kind kind = Requests.kind(p.get(1));
                    Scope scope = Requests.scope(p.get(0));
                    String field = Requests.required(q, "field");
                    var saved = plane.unset(Page.user(q), kind, scope, Requests.required(q, "key"), Set.of(field), Requests.ifMatch(q));
                    saved(q, r, scope, "Reset " + field + " of " + saved.value().key() + " to the default", saved.watch());
                })
                .add("POST", "/ui/scopes/{scope}/{kind}/delete", (q, r, p) -> {
                    Kind kind = Requests.kind(p.get(1));
                    Scope scope = Requests.scope(p.get(0));
                    String key = Requests.required(q, "key");
                    var saved = plane.delete(Page.user(q), kind, scope, key, Requests.ifMatch(q));
                    saved(q, r, scope, "Deleted " + (scope.isDefaults() ? "default " : "the override of ") + kind.label() + " " + key, saved.watch());
                });
    }

    private void orgs(HttpServletRequest q, HttpServletResponse r) throws Exception {
        boolean admin = Page.user(q).isAdmin();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Org org : plane.orgs(q.getParameter("q"))) {
            rows.add(orgRow(org, admin));
        }
        Map<String, Object> page = Page.of(q, "Organizations", "Orgs");
        page.put("orgs", rows);
        page.put("q", q.getParameter("q") == null ? "" : q.getParameter("q"));
        page.put("none", rows.isEmpty());
        // htmx's live search asks for the rows only
        html.write(r, 200, q.getHeader("HX-Request") != null && q.getHeader("HX-Target") != null
                && q.getHeader("HX-Target").equals("org-rows") ? "org-rows" : "orgs", page);
    }

    static Map<String, Object> orgRow(Org org, boolean admin) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", org.id());
        row.put("idUrl", Page.url(org.id()));
        row.put("name", org.displayName());
        row.put("active", org.active());
        row.put("activeWord", org.active() ? "active" : "inactive");
        row.put("toggleTo", !org.active());
        row.put("version", org.version());
        row.put("overrides", org.overrides());
        row.put("lastChange", Page.time(org.lastChange()));
        row.put("lastActor", org.lastActor());
        row.put("admin", admin);
        return row;
    }

    private void scope(HttpServletRequest q, HttpServletResponse r, Scope scope) throws Exception {
        boolean canEdit;
        try {
            ControlPlane.mayWrite(Page.user(q), scope);
            canEdit = true;
        } catch (RuntimeException e) {
            canEdit = false;
        }
        // one read for the whole page (it was three: the org, then each kind)
        ScopeContents contents = plane.contents(scope);
        String title = scope.isDefaults() ? "Defaults" : "Organization " + contents.org().displayName() + " (" + scope.org() + ")";
        Map<String, Object> page = Page.of(q, title, scope.isDefaults() ? "Defaults" : "Orgs");
        page.put("scope", Requests.scopePath(scope));
        page.put("isOrg", !scope.isDefaults());
        page.put("selfUrl", scope.isDefaults() ? "/defaults" : "/orgs/" + Page.url(scope.org()));
        page.put("canEdit", canEdit);
        page.put("prompts", rows(contents.prompts(), scope, canEdit));
        page.put("resources", rows(contents.resources(), scope, canEdit));
        html.write(r, 200, "scope", page);
    }

    private static List<Map<String, Object>> rows(List<Item> items, Scope scope, boolean canEdit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Item item : items) {
            Map<String, Object> row = new LinkedHashMap<>();
            String kind = Requests.kindPath(item.kind());
            row.put("key", item.key());
            row.put("keyUrl", Page.url(item.key()));
            row.put("kind", kind);
            row.put("label", item.kind().label());
            row.put("scope", Requests.scopePath(scope));
            row.put("version", item.version());
            row.put("served", item.served());
            row.put("omitted", item.omittedReason());
            row.put("active", Page.active(item));
            row.put("toggleTo", !Page.active(item));
            row.put("canEdit", canEdit);
            row.put("hasRow", item.hasRow());
            row.put("canDelete", canEdit && item.hasRow());
            List<Map<String, Object>> fields = new ArrayList<>();
            for (Map.Entry<String, FieldValue> f : item.fields().entrySet()) {
                if (f.getKey().equals("blob") && f.getValue().value() == null) {
                    continue;
                }
                Map<String, Object> field = new LinkedHashMap<>();
                field.put("name", f.getKey());
                field.put("value", Page.summary(Page.text(f.getValue())));
                field.put("provenance", Page.provenance(f.getValue().provenance()));
                field.put("resettable", canEdit && f.getValue().provenance() == Provenance.OVERRIDDEN);
                field.put("key", item.key());
                field.put("kind", kind);
                field.put("scope", Requests.scopePath(scope));
                field.put("version", item.version());
                fields.add(field);
            }
            row.put("fields", fields);
            rows.add(row);
        }
        return rows;
    }

    /** After an item action: the confirmation with its live propagation, and the refreshed page on the next load. */
    private void saved(HttpServletRequest q, HttpServletResponse r, Scope scope, String what, String watch) throws Exception {
        Map<String, Object> page = Page.of(q, "", null);
        page.put("what", what);
        page.put("watch", watch);
        r.setHeader("HX-Trigger", "saved"); // the items table reloads itself
        html.write(r, 200, "saved", page);
    }

}
