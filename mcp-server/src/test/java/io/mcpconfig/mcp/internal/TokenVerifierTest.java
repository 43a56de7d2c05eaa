package io.mcpconfig.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.mcpconfig.mcp.AuthorizationConfig;
import io.mcpconfig.mcp.McpServerConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef!";

    private static String hmac(String secret, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(String claim, Object org, Instant exp) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().claim(claim, org);
        return (exp == null ? b : b.expirationTime(Date.from(exp))).build();
    }

    @Test
    void hmac_tokens_name_the_org_in_the_configured_claim() throws Exception {
        McpServerConfig config = new McpServerConfig("127.0.0.1", 0, SECRET, null, "tenant",
                McpServerConfig.DEFAULT_ALLOWED_HOSTS, McpServerConfig.DEFAULT_ALLOWED_ORIGINS, AuthorizationConfig.hmacDefaults(),
                McpServerConfig.DEFAULT_ORG_IDLE_TIMEOUT);
        TokenVerifier verifier = TokenVerifier.of(config);
        assertThat(verifier.orgOf(hmac(SECRET, claims("tenant", "acme", Instant.now().plusSeconds(60))))).isEqualTo("acme");
        assertThatThrownBy(() -> verifier.orgOf(hmac(SECRET, claims("org", "acme", Instant.now().plusSeconds(60)))))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class).hasMessageContaining("tenant");
        assertThatThrownBy(() -> verifier.orgOf(hmac(SECRET, claims("tenant", 42, Instant.now().plusSeconds(60)))))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.orgOf(hmac(SECRET, claims("tenant", "acme", Instant.now().minusSeconds(600)))))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class).hasMessageContaining("xpired");
        assertThatThrownBy(() -> verifier.orgOf(hmac(SECRET, claims("tenant", "acme", null))))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class).hasMessageContaining("exp");
        assertThatThrownBy(() -> verifier.orgOf(hmac(SECRET.replace('0', '1'), claims("tenant", "acme", Instant.now().plusSeconds(60)))))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }

    @Test
    void jwks_tokens_are_verified_with_the_issuers_published_keys() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        issuer.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + issuer.getAddress().getPort() + "/jwks.json");
            TokenVerifier verifier = TokenVerifier.of(new McpServerConfig("127.0.0.1", 0, null, url, "org",
                    McpServerConfig.DEFAULT_ALLOWED_HOSTS, McpServerConfig.DEFAULT_ALLOWED_ORIGINS,
                    new AuthorizationConfig(RESOURCE, ISSUER, JWSAlgorithm.RS256, List.of(URI.create(ISSUER)), List.of()),
                    McpServerConfig.DEFAULT_ORG_IDLE_TIMEOUT));
            assertThat(verifier.orgOf(rsa(key, JWSAlgorithm.RS256, RESOURCE.toString(), ISSUER))).isEqualTo("globex");
            assertThatThrownBy(() -> verifier.orgOf(rsa(stranger, JWSAlgorithm.RS256, RESOURCE.toString(), ISSUER)))
                    .as("same key id, other key").isInstanceOf(TokenVerifier.InvalidTokenException.class);
            RSAKey unknown = new RSAKeyGenerator(2048).keyID("k2").generate();
            assertThatThrownBy(() -> verifier.orgOf(rsa(unknown, JWSAlgorithm.RS256, RESOURCE.toString(), ISSUER)))
                    .as("a key the issuer does not publish").isInstanceOf(TokenVerifier.InvalidTokenException.class);
            assertThatThrownBy(() -> verifier.orgOf(rsa(key, JWSAlgorithm.RS512, RESOURCE.toString(), ISSUER)))
                    .as("another algorithm than the configured one, even with a published key")
                    .isInstanceOf(TokenVerifier.InvalidTokenException.class);
            assertThatThrownBy(() -> verifier.orgOf(rsa(key, JWSAlgorithm.RS256, "https://other-service.example.com/api", ISSUER)))
                    .as("a token minted for another service").isInstanceOf(TokenVerifier.InvalidTokenException.class)
                    .hasMessageContaining("aud");
            assertThatThrownBy(() -> verifier.orgOf(rsa(key, JWSAlgorithm.RS256, null, ISSUER)))
                    .as("no audience at all").isInstanceOf(TokenVerifier.InvalidTokenException.class);
            assertThatThrownBy(() -> verifier.orgOf(rsa(key, JWSAlgorithm.RS256, RESOURCE.toString(), "https://evil.example.com")))
                    .as("another issuer").isInstanceOf(TokenVerifier.InvalidTokenException.class).hasMessageContaining("iss");
            assertThatThrownBy(() -> verifier.orgOf(unsecured(RESOURCE.toString(), ISSUER)))
                    .as("alg none").isInstanceOf(TokenVerifier.InvalidTokenException.class);
            assertThatThrownBy(() -> verifier.orgOf(hmac(SECRET, claims("org", "globex", Instant.now().plusSeconds(60)))))
                    .as("an HMAC token must not pass a JWKS verifier").isInstanceOf(TokenVerifier.InvalidTokenException.class);
        } finally {
            issuer.stop(0);
        }
    }

    @Test
    void hmac_tokens_are_refused_unsecured_with_another_algorithm_or_for_another_audience_or_issuer() throws Exception {
        // 64 bytes, so that an HS512 token can be made with the same secret.
        McpServerConfig config = McpServerConfig.withSecret(0, LONG_SECRET).withAuthorization(
                new AuthorizationConfig(RESOURCE, ISSUER, JWSAlgorithm.HS256, List.of(), List.of()));
        TokenVerifier verifier = TokenVerifier.of(config);
        assertThat(verifier.orgOf(hmac(LONG_SECRET, JWSAlgorithm.HS256, aimed(RESOURCE.toString(), ISSUER)))).isEqualTo("globex");
        assertThatThrownBy(() -> verifier.orgOf(hmac(LONG_SECRET, JWSAlgorithm.HS512, aimed(RESOURCE.toString(), ISSUER))))
                .as("HS512 when HS256 is configured").isInstanceOf(TokenVerifier.InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.orgOf(hmac(LONG_SECRET, JWSAlgorithm.HS256, aimed("https://other.example.com", ISSUER))))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> verifier.orgOf(hmac(LONG_SECRET, JWSAlgorithm.HS256, aimed(RESOURCE.toString(), "https://evil"))))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> verifier.orgOf(unsecured(RESOURCE.toString(), ISSUER)))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class);
        // Without a configured resource and issuer (the development default), neither is checked.
        TokenVerifier lenient = TokenVerifier.of(McpServerConfig.withSecret(0, LONG_SECRET));
        assertThat(lenient.orgOf(hmac(LONG_SECRET, JWSAlgorithm.HS256, aimed("https://anything", "https://anyone")))).isEqualTo("globex");
        assertThatThrownBy(() -> lenient.orgOf(unsecured(null, null))).isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }

    private static final String LONG_SECRET = SECRET + SECRET;
    private static final URI RESOURCE = URI.create("https://mcp.example.com/mcp");
    private static final String ISSUER = "https://login.example.com";

    private static JWTClaimsSet aimed(String audience, String issuer) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().claim("org", "globex")
                .expirationTime(Date.from(Instant.now().plusSeconds(60)));
        if (audience != null) {
            b.audience(audience);
        }
        if (issuer != null) {
            b.issuer(issuer);
        }
        return b.build();
    }

    private static String hmac(String secret, JWSAlgorithm alg, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String unsecured(String audience, String issuer) {
        return new PlainJWT(aimed(audience, issuer)).serialize();
    }

    private static String rsa(RSAKey key, JWSAlgorithm alg, String audience, String issuer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), aimed(audience, issuer));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
