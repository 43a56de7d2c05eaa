package io.mcpconfig.console.internal.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side HTML from Mustache templates under {@code /console/templates} (HTML-escaped, unlike
 * prompt templates; partials with {@code {{> name}}}); a missing value renders empty (a page without a
 * session has no CSRF token). Templates are compiled once. Thread-safe.
 */
public final class Html {
    private static final String ROOT = "/console/templates/";
    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).defaultValue("")
            .withLoader(Html::open);
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    public String render(String template, Object context) {
        return compiled.computeIfAbsent(template, name -> {
            try (Reader reader = open(name)) {
                return compiler.compile(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).execute(context);
    }

    public void write(HttpServletResponse response, int status, String template, Object context) throws IOException {
        String body = render(template, context);
        response.setStatus(status);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }

    private static Reader open(String name) {
        InputStream in = Html.class.getResourceAsStream(ROOT + name + ".mustache");
        if (in == null) {
            throw new IllegalArgumentException("no template " + ROOT + name + ".mustache");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
