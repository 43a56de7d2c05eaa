package io.mcpconfig.mcp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.Keys;
import io.mcpconfig.schemas.config.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Prints a bearer token for trying the server out: HS256, signed with {@code MCPCONFIG_JWT_SECRET},
 * naming the org in {@code MCPCONFIG_ORG_CLAIM}, valid for 24 hours. A development aid: production
 * tokens come from your identity provider.
 * Usage: {@code java -cp mcp-server.jar io.mcpconfig.mcp.DemoToken acme}
 */
public final class DemoToken {
    private DemoToken() {}

    /** An HS256 token for {@code orgId} in claim {@code claim}, signed with {@code secret}, valid for {@code validity}. */
    public static String issue(String secret, String claim, String orgId, Duration validity) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject("demo-user").claim(claim, orgId)
                .expirationTime(Date.from(Instant.now().plus(validity))).build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    public static void main(String[] args) throws JOSEException {
        if (args.length != 1) {
            System.err.println("usage: java -cp mcp-server.jar io.mcpconfig.mcp.DemoToken <org id>");
            System.exit(2);
        }
        Settings settings = Settings.fromEnvironment();
        try {
            String secret = settings.required(Keys.JWT_SECRET, "set the same secret the server uses");
            // Same checks as the server, so a token this prints is one the server accepts.
            McpServerConfig config = McpServerConfig.withSecret(0, secret);
            String claim = settings.string(Keys.ORG_CLAIM, config.orgClaim());
            System.out.println(issue(secret, claim, args[0], Duration.ofHours(24)));
        } catch (BadSettingException e) {
            System.err.println("DemoToken: bad setting " + e.getMessage());
            System.exit(2);
        }
    }
}
