package io.mcpconfig.mcp;

import io.mcpconfig.schemas.config.BadSettingException;
import io.mcpconfig.schemas.config.KafkaSettings;
import io.mcpconfig.schemas.config.Settings;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything the runnable server needs, validated at startup. Stdio mode needs no token settings
 * (the org is given on the command line); HTTP mode needs no org.
 *
 * @param stdioOrg the org served over stdio, or null for HTTP mode
 * @param http     null in stdio mode
 */
record McpServiceConfig(KafkaSettings kafka, String stdioOrg, McpServerConfig http) {
    private static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    static final String USAGE = "usage: mcp-server.jar [--stdio --org <org id>]";

    static McpServiceConfig from(Settings settings, List<String> args) {
        KafkaSettings kafka = KafkaSettings.fromSettings(settings);
        if (args.isEmpty()) {
            return new McpServiceConfig(kafka, null, McpServerConfig.fromSettings(settings));
        }
        if (args.size() == 3 && args.get(0).equals("--stdio") && args.get(1).equals("--org")) {
            String org = args.get(2);
            if (!ORG_ID.matcher(org).matches()) {
                throw new BadSettingException("--org", "'" + org + "' is not an org id ([a-z0-9][a-z0-9._-]{0,62}); " + USAGE);
            }
            return new McpServiceConfig(kafka, org, null);
        }
        throw new BadSettingException("arguments", String.join(" ", args) + " not understood; " + USAGE);
    }
}
