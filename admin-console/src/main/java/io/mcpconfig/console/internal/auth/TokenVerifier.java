package io.mcpconfig.console.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a signed JWT (an API bearer token or an OpenID id token) into a {@link User}: signature,
 * expiry (required), issuer and audience when configured, then the role and orgs claims.
 * Thread-safe.
 */
public final class TokenVerifier {
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String roleClaim;
    private final String orgsClaim;

    private TokenVerifier(JWSVerificationKeySelector<SecurityContext> keys, String roleClaim, String orgsClaim,
                          String issuer, String audience) {
        this.roleClaim = roleClaim;
        this.orgsClaim = orgsClaim;
        processor.setJWSKeySelector(keys);
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        if (issuer != null) {
            exact.issuer(issuer);
        }
        // exp is required, not only checked when present: a token that never expires is refused.
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience, exact.build(), Set.of("exp", "sub", roleClaim)));
    }

    /** Tokens signed with an HMAC shared secret (HS256/384/512). */
    public static TokenVerifier withSecret(String secret, String roleClaim, String orgsClaim) {
        JWKSource<SecurityContext> keys = new ImmutableSecret<>(secret.getBytes(StandardCharsets.UTF_8));
        return new TokenVerifier(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512), keys), roleClaim, orgsClaim, null, null);
    }

    /** Tokens signed by an issuer's published keys; {@code audience} null to accept any. */
    public static TokenVerifier withKeys(JWKSource<SecurityContext> keys, String issuer, String audience,
                                         String roleClaim, String orgsClaim) {
        Set<JWSAlgorithm> asymmetric = new HashSet<>(JWSAlgorithm.Family.RSA);
        asymmetric.addAll(JWSAlgorithm.Family.EC);
        return new TokenVerifier(new JWSVerificationKeySelector<>(asymmetric, keys), roleClaim, orgsClaim, issuer, audience);
    }

    public User verify(String token) throws InvalidTokenException {
        return userOf(claimsOf(token));
    }

    JWTClaimsSet claimsOf(String token) throws InvalidTokenException {
        try {
            return processor.process(token, null);
        } catch (ParseException e) {
            throw new InvalidTokenException("not a JWT");
        } catch (BadJOSEException e) {
            throw new InvalidTokenException(e.getMessage());
        } catch (JOSEException e) {
            throw new InvalidTokenException("could not verify the token: " + e.getMessage());
        }
    }

    User userOf(JWTClaimsSet claims) throws InvalidTokenException {
        Object rawRole = claims.getClaim(roleClaim);
        Role role = rawRole instanceof String s ? Role.fromClaim(s).orElse(null) : null;
        if (role == null) {
            throw new InvalidTokenException("claim '" + roleClaim + "' must be one of viewer, editor, admin");
        }
        Object rawOrgs = claims.getClaim(orgsClaim);
        Set<String> orgs = new HashSet<>();
        boolean all = false;
        if ("*".equals(rawOrgs)) {
            all = true;
        } else if (rawOrgs instanceof String one) {
            orgs.add(one);
        } else if (rawOrgs instanceof List<?> list) {
            for (Object item : list) {
                if ("*".equals(item)) {
                    all = true;
                } else if (item instanceof String s) {
                    orgs.add(s);
                }
            }
        }
        return new User(claims.getSubject(), role, orgs, all);
    }
}
