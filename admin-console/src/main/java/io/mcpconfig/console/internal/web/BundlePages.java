package io.mcpconfig.console.internal.web;

import io.mcpconfig.admin.FieldChange;
import io.mcpconfig.admin.Plan;
import io.mcpconfig.admin.PlannedChange;
import io.mcpconfig.console.internal.ControlPlane;
import io.mcpconfig.console.internal.Requests;
import io.mcpconfig.console.internal.Routes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Import (upload a bundle, see the plan field by field, apply it) and export (download). */
final class BundlePages {
    private final ControlPlane plane;
    private final Html html;

    BundlePages(ControlPlane plane, Html html) {
        this.plane = plane;
        this.html = html;
    }

    void register(Routes routes) {
        routes.add("GET", "/bundles", (q, r, p) -> {
                    Map<String, Object> page = Page.of(q, "Import and export", "Bundles");
                    page.put("orgs", plane.orgs(null).stream().map(o -> Map.of("id", o.id())).toList());
                    html.write(r, 200, "bundles", page);
                })
                .add("POST", "/ui/bundles/plan", (q, r, p) -> {
                    String text = upload(q);
                    boolean prune = q.getParameter("prune") != null;
                    Map<String, Object> page = plan(q, plane.plan(text, prune));
                    page.put("bundle", text);
                    page.put("prune", prune);
                    html.write(r, 200, "plan", page);
                })
                .add("POST", "/ui/bundles/apply", (q, r, p) -> {
                    String text = Requests.required(q, "bundle");
                    Map<String, Object> page = plan(q, plane.apply(Page.user(q), text, q.getParameter("prune") != null));
                    page.put("applied", true);
                    html.write(r, 200, "plan", page);
                });
    }

    private static String upload(HttpServletRequest q) throws Exception {
        String contentType = q.getContentType();
        if (contentType != null && contentType.startsWith("multipart/")) {
            Part part = q.getPart("file");
            if (part != null && part.getSize() > 0) {
                return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return Requests.required(q, "bundle");
    }

    private static Map<String, Object> plan(HttpServletRequest q, Plan plan) {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (PlannedChange c : plan.changes()) {
            List<Map<String, Object>> fields = new ArrayList<>();
            for (FieldChange f : c.fields()) {
                fields.add(Map.of("field", f.field(), "before", f.before() == null ? "∅" : abbrev(f.before().toString()),
                        "after", f.after() == null ? "∅" : abbrev(f.after().toString())));
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("what", c.toString());
            change.put("fields", fields);
            changes.add(change);
        }
        Map<String, Object> page = Page.of(q, "", null);
        page.put("changes", changes);
        page.put("empty", changes.isEmpty());
        page.put("count", changes.size());
        return page;
    }

    private static String abbrev(String s) {
        return s.length() > 200 ? s.substring(0, 199) + "…" : s;
    }
}
