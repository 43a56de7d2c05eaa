package io.mcpconfig.console.internal.web;

import io.mcpconfig.admin.FieldValue;
import io.mcpconfig.admin.Item;
import io.mcpconfig.admin.Kind;
import io.mcpconfig.admin.NotFoundException;
import io.mcpconfig.admin.Scope;
import io.mcpconfig.console.internal.ControlPlane;
import io.mcpconfig.console.internal.Json;
import io.mcpconfig.console.internal.Requests;
import io.mcpconfig.console.internal.Routes;
import io.mcpconfig.schemas.template.PromptTemplates;
import io.mcpconfig.schemas.template.TemplateArgument;
import io.mcpconfig.schemas.template.TemplateProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editor: the item's fields with their provenance, live checks while typing (the library's
 * template validation, a preview rendered by the one renderer with sample arguments, the diff against
 * what the scope serves, and for a default how many orgs inherit the changed fields), then save.
 */
final class EditPages {
    private final ControlPlane plane;
    private final Html html;

    EditPages(ControlPlane plane, Html html) {
        this.plane = plane;
        this.html = html;
    }

    void register(Routes routes) {
        routes.add("GET", "/scopes/{scope}/{kind}/edit", (q, r, p) -> edit(q, r, Requests.scope(p.get(0)), Requests.kind(p.get(1))))
                .add("POST", "/ui/scopes/{scope}/{kind}/check", (q, r, p) -> check(q, r, Requests.scope(p.get(0)), Requests.kind(p.get(1))))
                .add("POST", "/ui/scopes/{scope}/{kind}/save", (q, r, p) -> save(q, r, Requests.scope(p.get(0)), Requests.kind(p.get(1))));
    }

    private Item currentOrNull(Kind kind, Scope scope, String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            return plane.item(kind, scope, key);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private void edit(HttpServletRequest q, HttpServletResponse r, Scope scope, Kind kind) throws Exception {
        String key = q.getParameter("key");
        Item item = currentOrNull(kind, scope, key);
        if (key != null && item == null) {
            throw new NotFoundException(scope + " has no " + kind.label() + " " + key);
        }
        boolean canEdit;
        try {
            ControlPlane.mayWrite(Page.user(q), scope);
            canEdit = true;
        } catch (RuntimeException e) {
            canEdit = false;
        }
        Map<String, Object> page = Page.of(q, (item == null ? "New " + kind.label() : "Edit " + kind.label() + " " + key)
                + (scope.isDefaults() ? " (default)" : " for " + scope.org()), scope.isDefaults() ? "Defaults" : "Orgs");
        page.put("scope", Requests.scopePath(scope));
        page.put("scopeUrl", scope.isDefaults() ? "/defaults" : "/orgs/" + Page.url(scope.org()));
        page.put("scopeName", scope.isDefaults() ? "Defaults" : scope.org());
        page.put("kind", Requests.kindPath(kind));
        page.put("isPrompt", kind == Kind.PROMPT);
        page.put("isNew", item == null);
        page.put("key", key == null ? "" : key);
        page.put("keyName", kind.keyName());
        page.put("version", item == null ? 0 : item.version());
        page.put("canEdit", canEdit);
        page.put("active", item == null || Page.active(item));
        List<Map<String, Object>> fields = new ArrayList<>();
        for (String field : Drafts.editable(kind)) {
            if (field.equals("active")) {
                continue;
            }
            FieldValue v = item == null ? null : item.fields().get(field);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", field);
            f.put("id", "field-" + field);
            f.put("value", field.equals("arguments") && v != null && v.value() != null
                    ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(v.value()) : Page.text(v));
            f.put("provenance", v == null ? "" : Page.provenance(v.provenance()));
            f.put("multiline", field.equals("template") || field.equals("text") || field.equals("arguments") || field.equals("description"));
            f.put("readonly", !canEdit);
            fields.add(f);
        }
        page.put("fields", fields);
        List<Map<String, Object>> samples = samples(item);
        page.put("samples", samples);
        page.put("hasSamples", !samples.isEmpty());
        html.write(r, 200, "edit", page);
    }

    /** One input per declared argument, for the preview (the check reads them as {@code sample.<name>}). */
    private static List<Map<String, Object>> samples(Item item) {
        List<Map<String, Object>> samples = new ArrayList<>();
        FieldValue arguments = item == null ? null : item.fields().get("arguments");
        if (arguments != null && arguments.value() != null) {
            for (var argument : arguments.value()) {
                String name = argument.path("name").asText("");
                if (!name.isEmpty()) {
                    samples.add(Map.of("name", name, "id", "sample-" + name));
                }
            }
        }
        return samples;
    }

    private void check(HttpServletRequest q, HttpServletResponse r, Scope scope, Kind kind) throws Exception {
        String key = q.getParameter("key");
        Item current = currentOrNull(kind, scope, key);
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            Drafts draft = Drafts.read(q, kind, current);
            List<Map<String, Object>> problems = new ArrayList<>();
            if (kind == Kind.PROMPT) {
                String template = draft.values().getOrDefault("template", "");
                List<TemplateArgument> declared = draft.arguments();
                for (TemplateProblem problem : PromptTemplates.validate(template, declared)) {
                    problems.add(Map.of("line", problem.line(), "message", problem.toString()));
                }
                if (problems.isEmpty() && !template.isBlank()) {
                    Map<String, String> sample = new LinkedHashMap<>();
                    for (TemplateArgument a : declared) {
                        String given = q.getParameter("sample." + a.name());
                        sample.put(a.name(), given == null || given.isEmpty() ? "<" + a.name() + ">" : given);
                    }
                    result.put("preview", PromptTemplates.compile(template).render(PromptTemplates.arguments(declared, sample)));
                }
            } else {
                result.put("preview", draft.values().getOrDefault("text", ""));
            }
            result.put("problems", problems);
            result.put("valid", problems.isEmpty());
            List<Map<String, Object>> diff = new ArrayList<>();
            for (String field : draft.changed()) {
                diff.add(Map.of("field", field, "before", Drafts.current(current, field),
                        "after", draft.unset().contains(field) ? "(inherited / empty)" : draft.values().getOrDefault(field, "")));
            }
            result.put("diff", diff);
            result.put("unchanged", diff.isEmpty());
            if (scope.isDefaults() && current != null && !draft.changed().isEmpty()) {
                result.put("inheritors", plane.inheritors(kind, key, draft.changed()));
                result.put("isDefault", true);
            }
        } catch (Requests.BadRequest e) {
            result.put("problems", List.of(Map.of("line", 0, "message", e.field() + ": " + e.getMessage())));
            result.put("valid", false);
        }
        html.write(r, 200, "check", result);
    }

    private void save(HttpServletRequest q, HttpServletResponse r, Scope scope, Kind kind) throws Exception {
        String key = Requests.required(q, "key");
        Item current = currentOrNull(kind, scope, key);
        Drafts draft = Drafts.read(q, kind, current);
        Long ifVersion = Requests.ifMatch(q);
        String watch = null;
        Item saved = current;
        if (!draft.set().isEmpty()) {
            var result = plane.set(Page.user(q), kind, scope, key, draft.set(), ifVersion);
            saved = result.value();
            watch = result.watch();
            ifVersion = saved.version();
        }
        if (!draft.unset().isEmpty()) {
            var result = plane.unset(Page.user(q), kind, scope, key, draft.unset(), ifVersion);
            saved = result.value();
            watch = watch == null ? result.watch() : watch;
        }
        Map<String, Object> page = Page.of(q, "", null);
        if (watch == null) {
            page.put("what", "Nothing changed: nothing saved");
            html.write(r, 200, "saved-nothing", page);
            return;
        }
        page.put("what", "Saved " + kind.label() + " " + key + " as version " + saved.version()
                + (scope.isDefaults() ? " (default)" : " for " + scope.org()));
        page.put("watch", watch);
        page.put("version", saved.version());
        r.setHeader("HX-Trigger", "saved");
        html.write(r, 200, "saved", page);
    }
}
