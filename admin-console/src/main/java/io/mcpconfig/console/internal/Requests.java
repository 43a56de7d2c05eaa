package io.mcpconfig.console.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpconfig.admin.Kind;
import io.mcpconfig.admin.Scope;
import io.mcpconfig.schemas.Scopes;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what a request names: scope, kind, key, versions, JSON bodies; bad input is a {@link BadRequest}. */
public final class Requests {
    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"(\\d+)\"$");

    private Requests() {}

    /** Input that can't be understood: 400, naming the field (a parameter, header or body field). */
    public static final class BadRequest extends RuntimeException {
        private final String field;

        public BadRequest(String field, String reason) {
            super(reason);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** {@code _defaults} or an org id. */
    public static Scope scope(String raw) {
        return Scopes.DEFAULTS.equals(raw) ? Scope.DEFAULTS : Scope.org(raw);
    }

    /** {@code prompts} or {@code resources}. */
    public static Kind kind(String raw) {
        return switch (raw) {
            case "prompts" -> Kind.PROMPT;
            case "resources" -> Kind.RESOURCE;
            default -> throw new BadRequest("kind", "'" + raw + "' is neither prompts nor resources");
        };
    }

    public static String kindPath(Kind kind) {
        return kind == Kind.PROMPT ? "prompts" : "resources";
    }

    public static String scopePath(Scope scope) {
        return scope.isDefaults() ? Scopes.DEFAULTS : scope.org();
    }

    public static String required(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new BadRequest(name, "query parameter '" + name + "' is required");
        }
        return value;
    }

    public static long longParam(HttpServletRequest request, String name) {
        String value = required(request, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequest(name, "'" + value + "' is not a whole number");
        }
    }

    public static int intParam(HttpServletRequest request, String name, int defaultValue, int min, int max) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new BadRequest(name, n + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(name, "'" + value + "' is not a whole number");
        }
    }

    /** The version named by {@code If-Match: "N"} (or a form/query field {@code ifVersion}); null when absent. */
    public static Long ifMatch(HttpServletRequest request) {
        String header = request.getHeader("If-Match");
        if (header == null) {
            String field = request.getParameter("ifVersion");
            if (field == null || field.isBlank()) {
                return null;
            }
            header = "\"" + field.trim() + "\"";
        }
        Matcher m = ETAG.matcher(header.trim());
        if (!m.matches()) {
            throw new BadRequest("If-Match", "'" + header + "' is not an item version's ETag, e.g. \"3\"");
        }
        return Long.parseLong(m.group(1));
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static JsonNode jsonBody(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new BadRequest("Content-Type", "send the body as application/json");
        }
        try {
            JsonNode body = Json.MAPPER.readTree(request.getInputStream());
            if (body == null || !body.isObject()) {
                throw new BadRequest("body", "the body must be a JSON object");
            }
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("body", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new BadRequest(field, "'" + field + "' must be a non-empty string");
        }
        return value.asText();
    }
}
