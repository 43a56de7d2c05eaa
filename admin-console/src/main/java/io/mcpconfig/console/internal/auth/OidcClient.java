package io.mcpconfig.console.internal.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * OpenID Connect login, authorization code flow with PKCE (S256), state and nonce. The issuer's
 * metadata is read on first use (so the console starts even while the issuer is down) and kept.
 * Thread-safe.
 */
public final class OidcClient {
    private static final Duration PENDING_LOGIN_TTL = Duration.ofMinutes(10);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    /** What a finished login yields: the person, until when, and the page they started from. */
    public record Login(User user, Instant expires, String returnTo) {}

    private record Pending(String verifier, String nonce, String returnTo, Instant expires) {}

    private record Metadata(URI authorize, URI token, TokenVerifier idTokens, TokenVerifier accessTokens) {}

    private final URI issuer;
    private final String clientId;
    private final String clientSecret;
    private final URI redirectUri;
    private final String roleClaim;
    private final String orgsClaim;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile Metadata metadata;

    public OidcClient(URI issuer, String clientId, String clientSecret, URI redirectUri,
                      String roleClaim, String orgsClaim, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
        this.roleClaim = roleClaim;
        this.orgsClaim = orgsClaim;
        this.clock = clock;
    }

    /** Where to send the browser to log in; remembers the PKCE verifier under a fresh state. */
    public URI startLogin(String returnTo) throws IOException {
        Metadata m = metadata();
        String state = Pkce.randomToken();
        String verifier = Pkce.randomToken();
        String nonce = Pkce.randomToken();
        pending.values().removeIf(p -> p.expires().isBefore(clock.instant()));
        pending.put(state, new Pending(verifier, nonce, returnTo, clock.instant().plus(PENDING_LOGIN_TTL)));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", "openid profile");
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", Pkce.s256(verifier));
        query.put("code_challenge_method", "S256");
        String separator = m.authorize().getRawQuery() == null ? "?" : "&";
        return URI.create(m.authorize() + separator + form(query));
    }

    /**
     * Exchanges the code for tokens and verifies the id token (signature, issuer, audience, expiry,
     * nonce, role claim).
     *
     * @throws InvalidTokenException when the state is unknown or used, or the issuer's answer is not acceptable
     */
    public Login finish(String code, String state) throws IOException, InvalidTokenException {
        Pending p = state == null ? null : pending.remove(state);
        if (p == null || p.expires().isBefore(clock.instant())) {
            throw new InvalidTokenException("unknown or expired login state; start the login again");
        }
        Metadata m = metadata();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code == null ? "" : code);
        body.put("redirect_uri", redirectUri.toString());
        body.put("client_id", clientId);
        body.put("code_verifier", p.verifier());
        HttpRequest.Builder request = HttpRequest.newBuilder(m.token()).timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)));
        if (clientSecret != null) {
            String basic = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, Object> answer = json(send(request.build()), m.token());
        if (!(answer.get("id_token") instanceof String idToken)) {
            throw new InvalidTokenException("the issuer's token response has no id_token: " + answer.get("error"));
        }
        JWTClaimsSet claims = m.idTokens().claimsOf(idToken);
        if (!p.nonce().equals(claims.getClaim("nonce"))) {
            throw new InvalidTokenException("the id token's nonce does not match this login");
        }
        return new Login(m.idTokens().userOf(claims), claims.getExpirationTime().toInstant(), p.returnTo());
    }

    /** Verifies API bearer tokens with the issuer's keys (any audience). */
    public TokenVerifier accessTokens() throws IOException {
        return metadata().accessTokens();
    }

    private Metadata metadata() throws IOException {
        Metadata m = metadata;
        if (m == null) {
            URI discovery = URI.create(issuer.toString().replaceAll("/$", "") + "/.well-known/openid-configuration");
            Map<String, Object> doc = json(send(HttpRequest.newBuilder(discovery).timeout(HTTP_TIMEOUT).GET().build()), discovery);
            try {
                JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(string(doc, "jwks_uri")).toURL()).retrying(true).build();
                String issuerId = string(doc, "issuer");
                m = new Metadata(URI.create(string(doc, "authorization_endpoint")), URI.create(string(doc, "token_endpoint")),
                        TokenVerifier.withKeys(keys, issuerId, clientId, roleClaim, orgsClaim),
                        TokenVerifier.withKeys(keys, issuerId, null, roleClaim, orgsClaim));
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IOException("the issuer's discovery document at " + discovery + " is not usable: " + e.getMessage(), e);
            }
            metadata = m;
        }
        return m;
    }

    private String send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + request.uri(), e);
        }
    }

    private static Map<String, Object> json(String body, URI from) throws IOException {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new IOException(from + " did not answer JSON: " + e.getMessage(), e);
        }
    }

    private static String string(Map<String, Object> doc, String key) throws IOException {
        if (doc.get(key) instanceof String s) {
            return s;
        }
        throw new IOException("the issuer's discovery document lacks '" + key + "'");
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
