package io.mcpconfig.admin;

/**
 * Export and import of bundles. An import is validated whole (every row, every template in every
 * scope it affects, every reference) and applied in one transaction, or not at all; a dry run goes
 * through the same steps and rolls back, so its plan and problems are exactly the real ones.
 * Importing what the database holds writes nothing (no new versions). Thread-safe.
 */
public final class Bundles {
    private final Database db;

    Bundles(Database db) {
        this.db = db;
    }

    /** The defaults and every org. */
    public Bundle exportAll() {
        return BundleStore.export(db, Bundle.Coverage.ALL, null);
    }

    public Bundle exportDefaults() {
        return BundleStore.export(db, Bundle.Coverage.DEFAULTS, null);
    }

    /** @throws NotFoundException when there is no such org */
    public Bundle exportOrg(String id) {
        return BundleStore.export(db, Bundle.Coverage.ORGS, id);
    }

    /**
     * What {@link #apply} would do, writing nothing.
     *
     * @param prune also delete rows (and for a bundle of everything, orgs) the bundle's coverage lacks
     * @throws ValidationException with every problem, when the import would be refused
     */
    public Plan plan(Bundle bundle, boolean prune) {
        return BundleStore.importBundle(db, null, bundle, prune, true);
    }

    /**
     * Applies the bundle in one transaction attributed to {@code actor}.
     *
     * @throws ValidationException with every problem; nothing was written
     */
    public Plan apply(Actor actor, Bundle bundle, boolean prune) {
        return BundleStore.importBundle(db, actor, bundle, prune, false);
    }
}
