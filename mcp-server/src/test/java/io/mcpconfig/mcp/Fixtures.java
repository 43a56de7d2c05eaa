package io.mcpconfig.mcp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.PromptArgument;
import io.mcpconfig.cache.Resource;
import io.mcpconfig.cache.Versions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/** Test data and tokens. */
final class Fixtures {
    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes!";

    private Fixtures() {}

    private static final Versions V = new Versions(1L, null);
    static final Instant UPDATED_AT = Instant.parse("2026-11-30T12:00:00Z");

    /** An active view of {@code orgId} (or of {@code _defaults}); items are sorted as the cache sorts them. */
    static OrgView view(String orgId, long revision, List<Prompt> prompts, List<Resource> resources) {
        return new OrgView(orgId, true, revision, UPDATED_AT,
                prompts.stream().sorted(java.util.Comparator.comparing(Prompt::name)).toList(),
                resources.stream().sorted(java.util.Comparator.comparing(Resource::uri)).toList());
    }

    /** The view of an inactive org: it serves nothing. */
    static OrgView inactive(String orgId, long revision) {
        return new OrgView(orgId, false, revision, UPDATED_AT, List.of(), List.of());
    }

    static Prompt prompt(String name, String template, PromptArgument... arguments) {
        return new Prompt(name, name + " title", name + " description", template, List.of(arguments), V,
                hash(template + name + List.of(arguments)));
    }

    static PromptArgument argument(String name, String description, boolean required, String... values) {
        return new PromptArgument(name, description, required, List.of(values));
    }

    static Resource text(String uri, String text) {
        return new Resource(uri, uri.substring(uri.lastIndexOf('/') + 1), null, "about " + uri, "text/plain", text, null, V, hash(text));
    }

    static Resource blob(String uri, byte[] blob) {
        return new Resource(uri, "blob", null, null, "application/octet-stream", null, blob, V, hash(HexFormat.of().formatHex(blob)));
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
