package io.mcpconfig.mcp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mcpconfig.mcp.OrgContent.Argument;
import io.mcpconfig.mcp.OrgContent.PromptItem;
import io.mcpconfig.mcp.OrgContent.ResourceItem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/** Test data and tokens. */
final class Fixtures {
    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes!";

    private Fixtures() {}

    static PromptItem prompt(String name, String template, Argument... arguments) {
        return new PromptItem(name, name + " title", name + " description", template, List.of(arguments), hash(template + name));
    }

    static ResourceItem text(String uri, String text) {
        return new ResourceItem(uri, uri.substring(uri.lastIndexOf('/') + 1), null, "about " + uri, "text/plain", text, null, hash(text));
    }

    static ResourceItem blob(String uri, byte[] blob) {
        return new ResourceItem(uri, "blob", null, null, "application/octet-stream", null, blob, hash(HexFormat.of().formatHex(blob)));
    }

    static String hash(String s) {
        return Integer.toHexString(s.hashCode());
    }

    static String token(String org) {
        return token(SECRET, "org", org, Instant.now().plusSeconds(300));
    }

    /** A token for {@code org} carrying an audience and an issuer. */
    static String token(String org, String audience, String issuer) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .subject("test-user").claim("org", org).audience(audience).issuer(issuer)
                    .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(String secret, String claim, String org, Instant expiry) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("test-user").claim(claim, org);
            if (expiry != null) {
                claims.expirationTime(Date.from(expiry));
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
