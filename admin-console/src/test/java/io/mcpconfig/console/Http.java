package io.mcpconfig.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpconfig.console.internal.Json;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain HTTP client of the console for the API tests: bearer tokens, or a browser-like cookie session. */
final class Http {
    private final String base;
    private final HttpClient client;
    private final String bearer;

    private Http(String base, HttpClient client, String bearer) {
        this.base = base;
        this.client = client;
        this.bearer = bearer;
    }

    static Http bearer(String base, String token) {
        return new Http(base, HttpClient.newHttpClient(), token);
    }

    /** Logs in through the OpenID issuer as the person it was told, following the redirects like a browser. */
    static Http session(String base) {
        return new Http(base, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build(), null);
    }

    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Answer get(String path) throws Exception {
        return send(request(path).GET());
    }

    Answer send(String method, String path, String json, String ifMatch) throws Exception {
        HttpRequest.Builder r = request(path).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            r.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            r.header("If-Match", ifMatch);
        }
        return send(r);
    }

    Answer sendWithCsrf(String method, String path, String json, String csrf) throws Exception {
        HttpRequest.Builder r = request(path).method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (csrf != null) {
            r.header("X-CSRF-Token", csrf);
        }
        return send(r);
    }

    /** The CSRF token a page of this session carries (in htmx's hx-headers). */
    String csrfToken() throws Exception {
        Matcher m = Pattern.compile("X-CSRF-Token\": \"([^\"]+)\"").matcher(get("/orgs").body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        return m.group(1);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path));
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        return r;
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers());
    }
}
