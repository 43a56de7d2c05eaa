package io.mcpconfig.mcp.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.mcpconfig.mcp.AuthorizationConfig;
import io.mcpconfig.mcp.McpServerConfig;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies a bearer JWT (signature, expiry) and returns the organization it names. Thread-safe:
 * nimbus' processor is, and the JWKS source caches keys and refreshes them on an unknown key id.
 */
public final class TokenVerifier {
    /** The database's rule for org ids: also keeps {@code _defaults} and odd strings out of the registry. */
    private static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String orgClaim;

    private TokenVerifier(JWSVerificationKeySelector<SecurityContext> keys, String orgClaim, AuthorizationConfig rules) {
        this.orgClaim = orgClaim;
        // One algorithm only: a verifier that accepts several lets a token pick the weakest (or, with
        // a JWKS of RSA keys, an HMAC "signed" with the public key). Unsecured tokens (alg none) never
        // reach the key selector: nimbus rejects them while parsing.
        processor.setJWSKeySelector(keys);
        // exp is required, not just checked when present: a token that never expires is refused.
        // With a resource configured, aud must name it (RFC 8707); with an issuer, iss must match.
        Set<String> audience = rules.resource() == null ? null : Set.of(rules.resource().toString());
        JWTClaimsSet exact = rules.issuer() == null ? null : new JWTClaimsSet.Builder().issuer(rules.issuer()).build();
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience, exact, Set.of("exp", orgClaim), null));
    }

    public static TokenVerifier of(McpServerConfig config) {
        AuthorizationConfig rules = config.authorization();
        Set<JWSAlgorithm> accepted = Set.of(rules.algorithm());
        if (config.jwtSecret() != null) {
            JWKSource<SecurityContext> secret = new ImmutableSecret<>(config.jwtSecret().getBytes(StandardCharsets.UTF_8));
            return new TokenVerifier(new JWSVerificationKeySelector<>(accepted, secret), config.orgClaim(), rules);
        }
        try {
            JWKSource<SecurityContext> jwks = JWKSourceBuilder.create(config.jwksUrl().toURL()).retrying(true).build();
            return new TokenVerifier(new JWSVerificationKeySelector<>(accepted, jwks), config.orgClaim(), rules);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad JWKS URL " + config.jwksUrl(), e);
        }
    }

    /**
     * The organization of a valid token.
     *
     * @throws InvalidTokenException with a reason safe to show the client
     */
    public String orgOf(String token) throws InvalidTokenException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new InvalidTokenException("not a JWT");
        } catch (BadJOSEException e) {
            throw new InvalidTokenException(e.getMessage());
        } catch (JOSEException e) {
            throw new InvalidTokenException("could not verify the token: " + e.getMessage());
        }
        Object org = claims.getClaim(orgClaim);
        if (!(org instanceof String id) || !ORG_ID.matcher(id).matches()) {
            throw new InvalidTokenException("claim '" + orgClaim + "' is not an organization id");
        }
        return id;
    }

    /** A token that is missing, malformed, badly signed, expired or names no organization. */
    public static final class InvalidTokenException extends Exception {
        public InvalidTokenException(String reason) {
            super(reason);
        }
    }
}
