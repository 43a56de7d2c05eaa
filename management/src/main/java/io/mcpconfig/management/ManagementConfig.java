package io.mcpconfig.management;

import io.mcpconfig.schemas.config.Settings;

/**
 * Where a service serves its management endpoints. Immutable.
 *
 * @param port the TCP port on every interface; 0 picks a free one (tests read it from
 *     {@link ManagementServer#port()})
 */
public record ManagementConfig(int port) {
    /** The management port; each service has its own default (see README, "Operations"). */
    public static final String PORT = "MCPCONFIG_MANAGEMENT_PORT";

    /** Default ports: one per service, so they can share a host. */
    public static final int PUBLISHER_DEFAULT_PORT = 9401;
    public static final int MATERIALIZER_DEFAULT_PORT = 9402;
    public static final int MCP_SERVER_DEFAULT_PORT = 9403;

    public ManagementConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("management port must be 0-65535, was " + port);
        }
    }

    /** {@value #PORT}, or {@code defaultPort}; a bad value throws a {@code BadSettingException} naming the key. */
    public static ManagementConfig fromSettings(Settings settings, int defaultPort) {
        return new ManagementConfig(settings.integer(PORT, defaultPort, 0, 65_535));
    }
}
