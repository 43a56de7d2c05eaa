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
import io.mcpconfig.mcp.McpServerConfig;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashSet;
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

    private TokenVerifier(JWSVerificationKeySelector<SecurityContext> keys, String orgClaim) {
        this.orgClaim = orgClaim;
        processor.setJWSKeySelector(keys);
        // exp is required, not just checked when present: a token that never expires is refused.
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null, Set.of("exp", orgClaim)));
    }

    public static TokenVerifier of(McpServerConfig config) {
        if (config.jwtSecret() != null) {
            JWKSource<SecurityContext> secret = new ImmutableSecret<>(config.jwtSecret().getBytes(StandardCharsets.UTF_8));
            return new TokenVerifier(new JWSVerificationKeySelector<>(
                    Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512), secret), config.orgClaim());
        }
        try {
            JWKSource<SecurityContext> jwks = JWKSourceBuilder.create(config.jwksUrl().toURL()).retrying(true).build();
            Set<JWSAlgorithm> asymmetric = new HashSet<>(JWSAlgorithm.Family.RSA);
            asymmetric.addAll(JWSAlgorithm.Family.EC);
            asymmetric.addAll(JWSAlgorithm.Family.ED);
            return new TokenVerifier(new JWSVerificationKeySelector<>(asymmetric, jwks), config.orgClaim());
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
