package io.mcpconfig.console.internal.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Who is asking, for every request: a bearer token (API clients; no CSRF needed, the browser never
 * sends it on its own) or a session cookie (the browser; every write must echo the session's CSRF
 * token in {@value #CSRF_HEADER} or the form field {@value #CSRF_FIELD}).
 */
public final class Authenticator {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";

    /** The outcome for an authenticated request; {@code session} is null for bearer tokens. */
    public record Caller(User user, Sessions.Session session) {}

    /** Source of the bearer-token verifier: fixed (HMAC) or the issuer's keys, read on first use. */
    @FunctionalInterface
    public interface VerifierSource {
        TokenVerifier get() throws IOException;
    }

    private final VerifierSource bearer;
    private final Sessions sessions;

    public Authenticator(VerifierSource bearer, Sessions sessions) {
        this.bearer = bearer;
        this.sessions = sessions;
    }

    /**
     * @return the caller, or empty when the request carries no credentials at all
     * @throws InvalidTokenException for a bearer token that does not verify
     * @throws AccessDeniedException for a cookie-authenticated write without the right CSRF token
     */
    public Optional<Caller> authenticate(HttpServletRequest request) throws InvalidTokenException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new InvalidTokenException("Authorization must be 'Bearer <JWT>'");
            }
            return Optional.of(new Caller(bearer.get().verify(authorization.substring(7).trim()), null));
        }
        Optional<Sessions.Session> session = sessions.find(request);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        if (isWrite(request)) {
            String sent = request.getHeader(CSRF_HEADER);
            if (sent == null) {
                sent = request.getParameter(CSRF_FIELD);
            }
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw new AccessDeniedException("missing or wrong CSRF token: send the page's token in " + CSRF_HEADER);
            }
        }
        return Optional.of(new Caller(session.get().user(), session.get()));
    }

    public Sessions sessions() {
        return sessions;
    }

    static boolean isWrite(HttpServletRequest request) {
        String method = request.getMethod();
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }
}
