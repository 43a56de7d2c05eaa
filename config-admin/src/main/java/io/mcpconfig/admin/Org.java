package io.mcpconfig.admin;

import java.time.Instant;

/**
 * An organization as the console lists it.
 *
 * @param overrides   how many prompt and resource rows the org has (overrides and org-only items)
 * @param lastChange  the newest write to the org or any of its items (null if none)
 * @param lastActor   who made it
 */
public record Org(String id, String displayName, boolean active, long version,
                  int overrides, Instant lastChange, String lastActor) {}
