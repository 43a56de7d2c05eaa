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
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.mcpconfig.mcp.McpServerConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
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
                McpServerConfig.DEFAULT_ALLOWED_HOSTS, McpServerConfig.DEFAULT_ALLOWED_ORIGINS);
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
                    McpServerConfig.DEFAULT_ALLOWED_HOSTS, McpServerConfig.DEFAULT_ALLOWED_ORIGINS));
            assertThat(verifier.orgOf(rsa(key, "globex"))).isEqualTo("globex");
            assertThatThrownBy(() -> verifier.orgOf(rsa(stranger, "globex"))).isInstanceOf(TokenVerifier.InvalidTokenException.class);
            assertThatThrownBy(() -> verifier.orgOf(hmac(SECRET, claims("org", "globex", Instant.now().plusSeconds(60)))))
                    .as("an HMAC token must not pass a JWKS verifier").isInstanceOf(TokenVerifier.InvalidTokenException.class);
        } finally {
            issuer.stop(0);
        }
    }

    private static String rsa(RSAKey key, String org) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims("org", org, Instant.now().plusSeconds(60)));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
