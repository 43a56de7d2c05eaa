package io.mcpconfig.admin;

/** Export from and import into the database. */
final class BundleStore {
    private BundleStore() {}

    static Bundle export(Database db, Bundle.Coverage coverage, String org) { throw new UnsupportedOperationException("next commit"); }
    static Plan importBundle(Database db, Actor actor, Bundle bundle, boolean prune, boolean dryRun) { throw new UnsupportedOperationException("next commit"); }
}
