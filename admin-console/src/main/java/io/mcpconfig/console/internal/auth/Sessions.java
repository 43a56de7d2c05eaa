package io.mcpconfig.console.internal.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions held in this process's memory (a restart logs everybody out, which is safe).
 * The cookie is HTTP-only, SameSite=Lax (sent on the top-level redirect back from the issuer, never
 * on cross-site subrequests) and Secure when the console is served over https. Every session has
 * its own CSRF token, which every write must send back. Thread-safe.
 */
public final class Sessions {
    public static final String COOKIE = "mcpconsole_session";
    static final Duration MAX_AGE = Duration.ofHours(8);

    /** One logged-in browser. */
    public record Session(String id, User user, String csrfToken, Instant expires) {}

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final boolean secureCookie;

    public Sessions(Clock clock, boolean secureCookie) {
        this.clock = clock;
        this.secureCookie = secureCookie;
    }

    /** A new session for {@code user}, ending at {@code notAfter} (the token's expiry) or after 8 hours. */
    public Session create(User user, Instant notAfter) {
        Instant max = clock.instant().plus(MAX_AGE);
        Session session = new Session(Pkce.randomToken(), user, Pkce.randomToken(),
                notAfter != null && notAfter.isBefore(max) ? notAfter : max);
        byId.put(session.id(), session);
        byId.values().removeIf(s -> s.expires().isBefore(clock.instant()));
        return session;
    }

    public Optional<Session> find(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                Session session = byId.get(cookie.getValue());
                if (session != null && session.expires().isAfter(clock.instant())) {
                    return Optional.of(session);
                }
            }
        }
        return Optional.empty();
    }

    public void end(Session session) {
        byId.remove(session.id());
    }

    /** The Set-Cookie header value that opens {@code session} in the browser. */
    public String cookie(Session session) {
        long maxAge = Math.max(0, Duration.between(clock.instant(), session.expires()).toSeconds());
        return COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + maxAge + (secureCookie ? "; Secure" : "");
    }

    public String expiredCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" + (secureCookie ? "; Secure" : "");
    }
}
