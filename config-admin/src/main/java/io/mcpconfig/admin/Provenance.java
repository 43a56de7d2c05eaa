package io.mcpconfig.admin;

/** Where an effective field's value comes from, as seen from one scope. */
public enum Provenance {
    /** Set on the default item (the scope is the defaults). */
    DEFAULT,
    /** Not set by the org: the default's value. */
    INHERITED,
    /** Set by the org's override, replacing the default's value. */
    OVERRIDDEN,
    /** Set by the org, and there is no default item to inherit from. */
    ORG_ONLY,
    /** Set nowhere: the field is empty. */
    UNSET
}
