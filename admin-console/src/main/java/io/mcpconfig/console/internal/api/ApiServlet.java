package io.mcpconfig.console.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpconfig.admin.Item;
import io.mcpconfig.admin.Org;
import io.mcpconfig.admin.Scope;
import io.mcpconfig.admin.stream.AuditQuery;
import io.mcpconfig.console.internal.AuthFilter;
import io.mcpconfig.console.internal.ControlPlane;
import io.mcpconfig.console.internal.Json;
import io.mcpconfig.console.internal.Problems;
import io.mcpconfig.console.internal.Requests;
import io.mcpconfig.console.internal.Routes;
import io.mcpconfig.console.internal.auth.User;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The REST API under {@code /api} (described by {@code /api/openapi.json}): JSON in and out, item
 * versions as ETags (writes take {@code If-Match}), errors as problem+json. A write's response names
 * its propagation watch in {@code X-Propagation-Watch} ({@code GET /events/<id>} streams it).
 */
public final class ApiServlet extends HttpServlet {
    private final ControlPlane plane;
    private final Supplier<Object> status;
    private final Routes routes = new Routes();

    public ApiServlet(ControlPlane plane, Supplier<Object> status) {
        this.plane = plane;
        this.status = status;
        routes.add("GET", "/api/whoami", (q, r, p) -> json(r, 200, user(q)))
                .add("GET", "/api/openapi.json", (q, r, p) -> openApi(r))
                .add("GET", "/api/docs", (q, r, p) -> {
                    r.setContentType("text/html;charset=utf-8");
                    try (InputStream in = ApiServlet.class.getResourceAsStream("/console/templates/api-docs.mustache")) {
                        r.getOutputStream().write(in.readAllBytes());
                    }
                })
                .add("GET", "/api/orgs", (q, r, p) -> json(r, 200, plane.orgs(q.getParameter("q"))))
                .add("POST", "/api/orgs", (q, r, p) -> {
                    JsonNode body = Requests.jsonBody(q);
                    var saved = plane.addOrg(user(q), Requests.text(body, "id"), Requests.text(body, "displayName"));
                    org(r, 201, saved.value(), saved.watch());
                })
                .add("GET", "/api/orgs/{org}", (q, r, p) -> org(r, 200, plane.org(p.get(0)), null))
                .add("PATCH", "/api/orgs/{org}", (q, r, p) -> {
                    JsonNode body = Requests.jsonBody(q);
                    JsonNode active = body.get("active");
                    if (active == null || !active.isBoolean()) {
                        throw new Requests.BadRequest("active", "'active' must be true or false");
                    }
                    var saved = plane.setOrgActive(user(q), p.get(0), active.asBoolean(), Requests.ifMatch(q));
                    org(r, 200, saved.value(), saved.watch());
                })
                .add("DELETE", "/api/orgs/{org}", (q, r, p) -> {
                    plane.removeOrg(user(q), p.get(0), Requests.ifMatch(q));
                    r.setStatus(204);
                })
                .add("GET", "/api/scopes/{scope}/{kind}", (q, r, p) ->
                        json(r, 200, plane.items(Requests.kind(p.get(1)), Requests.scope(p.get(0)))))
                .add("GET", "/api/scopes/{scope}/{kind}/item", (q, r, p) ->
                        item(r, 200, plane.item(Requests.kind(p.get(1)), Requests.scope(p.get(0)), key(q)), null))
                .add("PATCH", "/api/scopes/{scope}/{kind}/item", (q, r, p) -> {
                    Map<String, JsonNode> fields = new LinkedHashMap<>();
                    Requests.jsonBody(q).fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
                    var saved = plane.set(user(q), Requests.kind(p.get(1)), Requests.scope(p.get(0)), key(q), fields, Requests.ifMatch(q));
                    item(r, 200, saved.value(), saved.watch());
                })
                .add("POST", "/api/scopes/{scope}/{kind}/item/unset", (q, r, p) -> {
                    JsonNode names = Requests.jsonBody(q).get("fields");
                    if (names == null || !names.isArray() || names.isEmpty()) {
                        throw new Requests.BadRequest("fields", "'fields' must be a non-empty array of field names");
                    }
                    Set<String> fields = new LinkedHashSet<>();
                    names.forEach(n -> fields.add(n.asText()));
                    var saved = plane.unset(user(q), Requests.kind(p.get(1)), Requests.scope(p.get(0)), key(q), fields, Requests.ifMatch(q));
                    item(r, 200, saved.value(), saved.watch());
                })
                .add("DELETE", "/api/scopes/{scope}/{kind}/item", (q, r, p) -> {
                    var saved = plane.delete(user(q), Requests.kind(p.get(1)), Requests.scope(p.get(0)), key(q), Requests.ifMatch(q));
                    r.setHeader("X-Propagation-Watch", saved.watch());
                    r.setStatus(204);
                })
                .add("GET", "/api/scopes/{scope}/{kind}/item/history", (q, r, p) ->
                        json(r, 200, plane.versions(Requests.kind(p.get(1)), Requests.scope(p.get(0)), key(q))))
                .add("GET", "/api/scopes/{scope}/{kind}/item/diff", (q, r, p) ->
                        json(r, 200, plane.diff(Requests.kind(p.get(1)), Requests.scope(p.get(0)), key(q),
                                Requests.longParam(q, "from"), Requests.longParam(q, "to"))))
                .add("POST", "/api/scopes/{scope}/{kind}/item/rollback", (q, r, p) -> {
                    JsonNode to = Requests.jsonBody(q).get("toVersion");
                    if (to == null || !to.canConvertToLong() || to.asLong() < 1) {
                        throw new Requests.BadRequest("toVersion", "'toVersion' must be a version number (1 or more)");
                    }
                    var saved = plane.rollback(user(q), Requests.kind(p.get(1)), Requests.scope(p.get(0)), key(q), to.asLong(), Requests.ifMatch(q));
                    if (saved.value().isPresent()) {
                        item(r, 200, saved.value().get(), saved.watch());
                    } else {
                        r.setHeader("X-Propagation-Watch", saved.watch());
                        r.setStatus(204);
                    }
                })
                .add("GET", "/api/defaults/{kind}/inheritors", (q, r, p) -> {
                    Set<String> fields = new LinkedHashSet<>(Arrays.asList(Requests.required(q, "fields").split(",")));
                    json(r, 200, Map.of("inheritors", plane.inheritors(Requests.kind(p.get(0)), key(q), fields)));
                })
                .add("POST", "/api/render", (q, r, p) -> {
                    JsonNode body = Requests.jsonBody(q);
                    Map<String, String> args = new LinkedHashMap<>();
                    JsonNode given = body.path("arguments");
                    if (!given.isMissingNode() && !given.isObject()) {
                        throw new Requests.BadRequest("arguments", "'arguments' must be an object of names to strings");
                    }
                    given.fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().asText()));
                    json(r, 200, plane.render(Requests.text(body, "org"), Requests.text(body, "prompt"), args));
                })
                .add("GET", "/api/validate", (q, r, p) -> {
                    Scope scope = Requests.scope(Requests.required(q, "scope"));
                    json(r, 200, Map.of("problems", ApiErrors.fields(plane.validate(scope))));
                })
                .add("GET", "/api/bundles/export", (q, r, p) -> {
                    boolean asJson = "json".equals(q.getParameter("format"));
                    String coverage = q.getParameter("coverage") == null ? "all" : q.getParameter("coverage");
                    r.setContentType(asJson ? "application/json" : "application/yaml");
                    r.setCharacterEncoding("utf-8");
                    r.setHeader("Content-Disposition", "attachment; filename=\"mcpconfig-" + coverage + (asJson ? ".json" : ".yaml") + "\"");
                    r.getWriter().write(plane.export(coverage, asJson));
                })
                .add("POST", "/api/bundles/plan", (q, r, p) -> json(r, 200, plane.plan(body(q), prune(q))))
                .add("POST", "/api/bundles/apply", (q, r, p) -> json(r, 200, plane.apply(user(q), body(q), prune(q))))
                .add("GET", "/api/audit", (q, r, p) -> json(r, 200, plane.audit(auditQuery(q),
                        Requests.intParam(q, "skip", 0, 0, 1_000_000), Requests.intParam(q, "limit", 100, 1, 1000))))
                .add("GET", "/api/status", (q, r, p) -> json(r, 200, status.get()));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!routes.dispatch(request.getRequestURI(), request, response)) {
                Problems.write(response, 404, "no API route " + request.getMethod() + " " + request.getRequestURI()
                        + "; see /api/openapi.json");
            }
        } catch (Exception e) {
            ApiErrors.write(e, response);
        }
    }

    /** What a query string asks of the audit: the CLI's filters, same names. */
    public static AuditQuery auditQuery(HttpServletRequest q) {
        return new AuditQuery(blank(q.getParameter("scope")),
                blank(q.getParameter("table")) == null ? null : AuditQuery.table(q.getParameter("table")),
                blank(q.getParameter("key")), blank(q.getParameter("actor")),
                instant(q, "since"), instant(q, "until"), blank(q.getParameter("tx")));
    }

    private static Instant instant(HttpServletRequest q, String name) {
        String value = blank(q.getParameter(name));
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new Requests.BadRequest(name, "'" + value + "' is not an ISO-8601 instant, e.g. 2026-12-01T10:00:00Z");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static User user(HttpServletRequest request) {
        return AuthFilter.caller(request).user();
    }

    private static String key(HttpServletRequest request) {
        return Requests.required(request, "key");
    }

    private static boolean prune(HttpServletRequest request) {
        return "true".equals(request.getParameter("prune"));
    }

    private static String body(HttpServletRequest request) throws IOException {
        return new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void item(HttpServletResponse response, int status, Item item, String watch) throws IOException {
        response.setHeader("ETag", Requests.etag(item.version()));
        if (watch != null) {
            response.setHeader("X-Propagation-Watch", watch);
        }
        json(response, status, item);
    }

    private static void org(HttpServletResponse response, int status, Org org, String watch) throws IOException {
        response.setHeader("ETag", Requests.etag(org.version()));
        if (watch != null) {
            response.setHeader("X-Propagation-Watch", watch);
        }
        json(response, status, org);
    }

    static void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("utf-8");
        response.setHeader("Cache-Control", "no-store");
        Json.MAPPER.writeValue(response.getOutputStream(), body);
    }

    private static void openApi(HttpServletResponse response) throws IOException {
        try (InputStream in = ApiServlet.class.getResourceAsStream("/console/openapi.json")) {
            response.setContentType("application/json");
            response.getOutputStream().write(in.readAllBytes());
        }
    }
}
