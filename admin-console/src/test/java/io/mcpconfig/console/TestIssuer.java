package io.mcpconfig.console;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mcpconfig.console.internal.auth.Pkce;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A small but real OpenID Connect issuer in the test JVM (nimbus): discovery, authorize (the person
 * is the one the test names with {@link #nextLogin}, as if they had typed their password), token
 * (checks the code, redirect URI, client and the PKCE verifier) and JWKS; RS256 tokens. Tests also
 * mint API tokens with {@link #token}.
 */
final class TestIssuer implements AutoCloseable {
    static final String CLIENT_ID = "mcp-console";

    /** Who logs in next, with which claims. */
    record Person(String subject, String role, List<String> orgs) {}

    private record Grant(Person person, String redirectUri, String challenge, String nonce) {}

    private final RSAKey key;
    private final Server jetty;
    private final URI issuer;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private volatile Person next;

    TestIssuer() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-" + Pkce.randomToken().substring(0, 8)).generate();
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new Endpoints()), "/*");
        jetty.setHandler(context);
        jetty.start();
        issuer = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    URI issuer() {
        return issuer;
    }

    void nextLogin(String subject, String role, List<String> orgs) {
        next = new Person(subject, role, orgs);
    }

    /** An access token for the API, valid for {@code validity} (negative: already expired). */
    String token(String subject, String role, List<String> orgs, Duration validity) throws JOSEException {
        return sign(claims(new Person(subject, role, orgs), validity).build());
    }

    private JWTClaimsSet.Builder claims(Person person, Duration validity) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer.toString()).subject(person.subject())
                .issueTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plus(validity)))
                .claim("mcpconfig_role", person.role()).claim("mcpconfig_orgs", person.orgs());
    }

    private String sign(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    private final class Endpoints extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            switch (request.getRequestURI()) {
                case "/.well-known/openid-configuration" -> json(response, 200, Map.of("issuer", issuer.toString(),
                        "authorization_endpoint", issuer + "/authorize", "token_endpoint", issuer + "/token",
                        "jwks_uri", issuer + "/jwks", "response_types_supported", List.of("code"),
                        "code_challenge_methods_supported", List.of("S256"), "id_token_signing_alg_values_supported", List.of("RS256")));
                case "/jwks" -> json(response, 200, new JWKSet(key.toPublicJWK()).toJSONObject());
                case "/authorize" -> authorize(request, response);
                default -> response.sendError(404);
            }
        }

        private void authorize(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Person person = next;
            if (!CLIENT_ID.equals(request.getParameter("client_id")) || !"code".equals(request.getParameter("response_type"))
                    || !"S256".equals(request.getParameter("code_challenge_method")) || request.getParameter("code_challenge") == null
                    || person == null) {
                response.sendError(400, "bad authorization request (or no person set to log in)");
                return;
            }
            String code = Pkce.randomToken();
            codes.put(code, new Grant(person, request.getParameter("redirect_uri"), request.getParameter("code_challenge"),
                    request.getParameter("nonce")));
            response.sendRedirect(request.getParameter("redirect_uri") + "?code=" + code + "&state="
                    + URLEncoder.encode(request.getParameter("state"), StandardCharsets.UTF_8));
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (!request.getRequestURI().equals("/token")) {
                response.sendError(404);
                return;
            }
            Grant grant = codes.remove(String.valueOf(request.getParameter("code")));
            String verifier = request.getParameter("code_verifier");
            if (grant == null || !"authorization_code".equals(request.getParameter("grant_type"))
                    || !CLIENT_ID.equals(request.getParameter("client_id"))
                    || !grant.redirectUri().equals(request.getParameter("redirect_uri"))
                    || verifier == null || !Pkce.s256(verifier).equals(grant.challenge())) {
                json(response, 400, Map.of("error", "invalid_grant"));
                return;
            }
            try {
                String idToken = sign(claims(grant.person(), Duration.ofHours(1)).audience(CLIENT_ID).claim("nonce", grant.nonce()).build());
                String access = sign(claims(grant.person(), Duration.ofHours(1)).build());
                json(response, 200, Map.of("token_type", "Bearer", "id_token", idToken, "access_token", access, "expires_in", 3600));
            } catch (JOSEException e) {
                throw new IOException(e);
            }
        }

        private void json(HttpServletResponse response, int status, Map<String, ?> body) throws IOException {
            response.setStatus(status);
            response.setContentType("application/json");
            response.getWriter().write(JSONObjectUtils.toJSONString(body));
        }
    }
}
