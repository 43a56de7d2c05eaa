package io.mcpconfig.console.internal.web;

import io.mcpconfig.console.internal.auth.Authenticator;
import io.mcpconfig.console.internal.auth.InvalidTokenException;
import io.mcpconfig.console.internal.auth.OidcClient;
import io.mcpconfig.console.internal.auth.Role;
import io.mcpconfig.console.internal.auth.Sessions;
import io.mcpconfig.console.internal.auth.User;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /login} (to the OpenID issuer, or the demo form), {@code /login/callback} (code for
 * tokens, then a session), {@code /login/demo} (the quickstart's local users, loopback only, checked
 * at startup) and {@code /logout}.
 */
public final class LoginServlet extends HttpServlet {
    /** The quickstart's demo people: one per role, the editor for acme only. */
    static final Map<String, User> DEMO_USERS = demoUsers();

    private final OidcClient oidc;
    private final boolean demoLogin;
    private final Sessions sessions;
    private final Html html;

    public LoginServlet(OidcClient oidc, boolean demoLogin, Sessions sessions, Html html) {
        this.oidc = oidc;
        this.demoLogin = demoLogin;
        this.sessions = sessions;
        this.html = html;
    }

    private static Map<String, User> demoUsers() {
        Map<String, User> users = new LinkedHashMap<>();
        users.put("demo-admin", new User("demo-admin", Role.ADMIN, Set.of(), true));
        users.put("demo-editor", new User("demo-editor", Role.EDITOR, Set.of("acme"), false));
        users.put("demo-viewer", new User("demo-viewer", Role.VIEWER, Set.of(), false));
        return users;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        String returnTo = safeReturn(request.getParameter("return"));
        if (path.equals("/login/callback")) {
            callback(request, response);
        } else if (path.equals("/login") && oidc != null && !demoLogin) {
            response.sendRedirect(oidc.startLogin(returnTo).toString());
        } else if (path.equals("/login/oidc") && oidc != null) {
            response.sendRedirect(oidc.startLogin(returnTo).toString());
        } else if (path.equals("/login")) {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("title", "Log in");
            page.put("returnTo", returnTo);
            page.put("oidc", oidc != null);
            page.put("demo", demoLogin);
            page.put("demoUsers", DEMO_USERS.values().stream().map(u -> Map.of("id", u.subject(), "label", u.describe())).toList());
            html.write(response, 200, "login", page);
        } else {
            response.sendError(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (path.equals("/login/demo") && demoLogin) {
            User user = DEMO_USERS.get(request.getParameter("user"));
            if (user == null) {
                response.sendError(400, "unknown demo user");
                return;
            }
            open(response, sessions.create(user, null), safeReturn(request.getParameter("return")));
        } else if (path.equals("/logout")) {
            var session = sessions.find(request);
            String csrf = request.getParameter(Authenticator.CSRF_FIELD);
            if (session.isPresent() && session.get().csrfToken().equals(csrf)) {
                sessions.end(session.get());
            }
            response.setHeader("Set-Cookie", sessions.expiredCookie());
            response.sendRedirect("/login");
        } else {
            response.sendError(404);
        }
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (oidc == null) {
            response.sendError(404);
            return;
        }
        if (request.getParameter("error") != null) {
            loginFailed(response, "the identity provider refused the login: " + request.getParameter("error"));
            return;
        }
        try {
            OidcClient.Login login = oidc.finish(request.getParameter("code"), request.getParameter("state"));
            open(response, sessions.create(login.user(), login.expires()), safeReturn(login.returnTo()));
        } catch (InvalidTokenException e) {
            loginFailed(response, e.getMessage());
        }
    }

    private void open(HttpServletResponse response, Sessions.Session session, String returnTo) throws IOException {
        response.setHeader("Set-Cookie", sessions.cookie(session));
        response.sendRedirect(returnTo);
    }

    private void loginFailed(HttpServletResponse response, String reason) throws IOException {
        html.write(response, 401, "login", Map.of("title", "Log in", "error", reason, "returnTo", "/",
                "oidc", oidc != null, "demo", demoLogin, "demoUsers", List.of()));
    }

    /** Only paths of this site: never an open redirect to another host. */
    static String safeReturn(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")) {
            return "/";
        }
        return returnTo;
    }
}
