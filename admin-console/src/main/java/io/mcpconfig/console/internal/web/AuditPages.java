package io.mcpconfig.console.internal.web;

import io.mcpconfig.admin.stream.AuditEntry;
import io.mcpconfig.admin.stream.AuditFormat;
import io.mcpconfig.console.internal.ControlPlane;
import io.mcpconfig.console.internal.Routes;
import io.mcpconfig.console.internal.api.ApiServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The change stream with the CLI's filters (scope, table, key, actor, since, until, tx), paged, and as CSV. */
final class AuditPages {
    static final int PAGE_SIZE = 50;
    private static final List<String> FILTERS = List.of("scope", "table", "key", "actor", "since", "until", "tx");

    private final ControlPlane plane;
    private final Html html;

    AuditPages(ControlPlane plane, Html html) {
        this.plane = plane;
        this.html = html;
    }

    void register(Routes routes) {
        routes.add("GET", "/audit", (q, r, p) -> page(q, r))
                .add("GET", "/audit.csv", (q, r, p) -> csv(q, r));
    }

    private void page(HttpServletRequest q, HttpServletResponse r) throws Exception {
        int skip = Math.max(0, parse(q.getParameter("skip")));
        Map<String, Object> page = Page.of(q, "Audit", "Audit");
        Map<String, String> filters = new LinkedHashMap<>();
        StringBuilder query = new StringBuilder();
        for (String f : FILTERS) {
            String v = q.getParameter(f) == null ? "" : q.getParameter(f);
            filters.put(f, v);
            page.put("f_" + f, v);
            if (!v.isBlank()) {
                query.append(query.isEmpty() ? "" : "&").append(f).append('=').append(Page.url(v));
            }
        }
        ControlPlane.AuditPage result = plane.audit(ApiServlet.auditQuery(q), skip, PAGE_SIZE);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AuditEntry e : result.entries()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("time", Page.time(e.commitTime()));
            row.put("actor", e.actor());
            row.put("op", e.op());
            row.put("table", e.table());
            row.put("scope", e.scope());
            row.put("key", e.key());
            row.put("version", e.version());
            row.put("tx", e.txId());
            row.put("changes", changes(e));
            rows.add(row);
        }
        page.put("entries", rows);
        page.put("none", rows.isEmpty());
        String base = query.isEmpty() ? "" : query + "&";
        page.put("csvUrl", "/audit.csv" + (query.isEmpty() ? "" : "?" + query));
        if (skip > 0) {
            page.put("prevUrl", "/audit?" + base + "skip=" + Math.max(0, skip - PAGE_SIZE));
        }
        if (result.more()) {
            page.put("nextUrl", "/audit?" + base + "skip=" + (skip + PAGE_SIZE));
        }
        page.put("from", skip + 1);
        page.put("to", skip + rows.size());
        html.write(r, 200, "audit", page);
    }

    private static String changes(AuditEntry e) {
        StringBuilder out = new StringBuilder();
        for (String field : e.changed()) {
            if (!out.isEmpty()) {
                out.append("\n");
            }
            out.append(field).append(": ").append(abbrev(e.before().get(field))).append(" → ").append(abbrev(e.after().get(field)));
        }
        return out.toString();
    }

    private static String abbrev(Object value) {
        String s = value == null ? "∅" : String.valueOf(value);
        return s.length() > 120 ? s.substring(0, 119) + "…" : s;
    }

    /** The CLI's {@code mcpconfig audit --format csv}, line for line: one formatter (config-admin's {@link AuditFormat}). */
    private void csv(HttpServletRequest q, HttpServletResponse r) throws Exception {
        r.setContentType("text/csv");
        r.setCharacterEncoding("utf-8");
        r.setHeader("Content-Disposition", "attachment; filename=\"mcpconfig-audit.csv\"");
        PrintWriter out = r.getWriter();
        AuditFormat.CSV.header().ifPresent(h -> out.write(h + "\r\n"));
        // Streamed as read: the whole selection, however long the stream has grown (it is kept forever).
        plane.auditEach(ApiServlet.auditQuery(q),
                e -> out.write(AuditFormat.CSV.line(e) + "\r\n")); // RFC 4180 line ends (the CLI prints the platform's)
    }

    private static int parse(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
