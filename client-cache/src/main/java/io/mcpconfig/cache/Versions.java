package io.mcpconfig.cache;

/**
 * The versions of the database rows an item was merged from: useful for audit and for telling an
 * inherited default from an override. Immutable.
 *
 * @param ofDefault  version of the default row, null when the item has no default
 * @param ofOverride version of the organization's override row, null when it has none
 */
public record Versions(Long ofDefault, Long ofOverride) {
    /** True when the organization overrides (part of) the default. */
    public boolean overridden() {
        return ofOverride != null;
    }
}
