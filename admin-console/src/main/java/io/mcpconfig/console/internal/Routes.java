package io.mcpconfig.console.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small method + path table: {@code "/orgs/{org}/prompts/{name}"} matches one path segment per
 * {@code {...}} (URL-decoded). First match wins. Immutable once built; thread-safe to use.
 */
public final class Routes {
    /** What a route does with the request and its path parameters (in order of appearance). */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response, List<String> params) throws Exception;
    }

    private record Route(String method, Pattern path, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    public Routes add(String method, String template, Handler handler) {
        String regex = Pattern.quote(template).replaceAll("\\{[a-zA-Z]+}", "\\\\E([^/]+)\\\\Q");
        routes.add(new Route(method, Pattern.compile(regex), handler));
        return this;
    }

    /** @return false when no route matches the path (any method): the caller answers 404 */
    public boolean dispatch(String path, HttpServletRequest request, HttpServletResponse response) throws Exception {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.path().matcher(path);
            if (m.matches()) {
                pathKnown = true;
                if (route.method().equals(request.getMethod())) {
                    List<String> params = new ArrayList<>();
                    for (int i = 1; i <= m.groupCount(); i++) {
                        params.add(URLDecoder.decode(m.group(i), StandardCharsets.UTF_8));
                    }
                    route.handler().handle(request, response, params);
                    return true;
                }
            }
        }
        if (pathKnown) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return true;
        }
        return false;
    }
}
