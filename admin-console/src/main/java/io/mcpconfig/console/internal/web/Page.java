package io.mcpconfig.console.internal.web;

import io.mcpconfig.admin.FieldValue;
import io.mcpconfig.admin.Item;
import io.mcpconfig.admin.Provenance;
import io.mcpconfig.console.internal.AuthFilter;
import io.mcpconfig.console.internal.auth.Authenticator;
import io.mcpconfig.console.internal.auth.User;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The context every page template gets (person, CSRF token, title, which nav entry is current) and small formatters. */
final class Page {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Page() {}

    static Map<String, Object> of(HttpServletRequest request, String title, String nav) {
        Authenticator.Caller caller = AuthFilter.caller(request);
        Map<String, Object> page = new HashMap<>();
        page.put("title", title);
        page.put("user", caller.user().describe());
        page.put("csrf", caller.session() == null ? "" : caller.session().csrfToken());
        page.put("canWrite", caller.user().canWriteSomething());
        page.put("isAdmin", caller.user().isAdmin());
        if (nav != null) {
            page.put("nav" + nav, true);
        }
        return page;
    }

    static User user(HttpServletRequest request) {
        return AuthFilter.caller(request).user();
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A field's value as the page shows it: text as is, JSON otherwise, "" when empty. */
    static String text(FieldValue value) {
        if (value == null || value.value() == null) {
            return "";
        }
        return value.value().isTextual() ? value.value().asText() : value.value().toString();
    }

    static String provenance(Provenance p) {
        return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** One line of a text field for a table cell (templates are long). */
    static String summary(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.length() > 80 ? first.substring(0, 79) + "…" : (text.contains("\n") ? first + " …" : first);
    }

    static boolean active(Item item) {
        FieldValue a = item.fields().get("active");
        return a == null || a.value() == null || a.value().asBoolean(true);
    }
}
