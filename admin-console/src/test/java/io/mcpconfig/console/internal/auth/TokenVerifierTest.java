package io.mcpconfig.console.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {
    static final String SECRET = "unit-test-secret-unit-test-secret-0123456789";
    final TokenVerifier verifier = TokenVerifier.withSecret(SECRET, "mcpconfig_role", "mcpconfig_orgs");

    static String token(String secret, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    static JWTClaimsSet.Builder claims(String role, Object orgs, Instant exp) {
        return new JWTClaimsSet.Builder().subject("alice").claim("mcpconfig_role", role).claim("mcpconfig_orgs", orgs)
                .expirationTime(exp == null ? null : Date.from(exp));
    }

    @Test
    void an_editor_token_names_its_orgs_and_may_edit_only_those() throws Exception {
        User user = verifier.verify(token(SECRET, claims("editor", List.of("acme"), Instant.now().plusSeconds(60)).build()));
        assertThat(user.subject()).isEqualTo("alice");
        assertThat(user.role()).isEqualTo(Role.EDITOR);
        assertThat(user.canEditOrg("acme")).isTrue();
        assertThat(user.canEditOrg("globex")).isFalse();
        assertThat(user.isAdmin()).isFalse();
    }

    @Test
    void a_star_gives_an_editor_every_org_and_a_viewer_none() throws Exception {
        assertThat(verifier.verify(token(SECRET, claims("editor", "*", Instant.now().plusSeconds(60)).build())).canEditOrg("globex")).isTrue();
        User viewer = verifier.verify(token(SECRET, claims("viewer", "*", Instant.now().plusSeconds(60)).build()));
        assertThat(viewer.canEditOrg("acme")).isFalse();
        assertThat(viewer.canWriteSomething()).isFalse();
    }

    @Test
    void expired_unsigned_unknown_role_and_missing_expiry_are_refused() throws Exception {
        assertThatThrownBy(() -> verifier.verify(token(SECRET, claims("admin", "*", Instant.now().minusSeconds(120)).build())))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("xpired");
        assertThatThrownBy(() -> verifier.verify(token(SECRET.toUpperCase(), claims("admin", "*", Instant.now().plusSeconds(60)).build())))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.verify(token(SECRET, claims("owner", "*", Instant.now().plusSeconds(60)).build())))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("mcpconfig_role");
        assertThatThrownBy(() -> verifier.verify(token(SECRET, claims("admin", "*", null).build())))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("exp");
        assertThatThrownBy(() -> verifier.verify("not-a-jwt")).isInstanceOf(InvalidTokenException.class).hasMessage("not a JWT");
    }

    @Test
    void pkce_s256_matches_rfc_7636_appendix_b() {
        assertThat(Pkce.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(Pkce.randomToken()).hasSize(43).isNotEqualTo(Pkce.randomToken());
    }
}
