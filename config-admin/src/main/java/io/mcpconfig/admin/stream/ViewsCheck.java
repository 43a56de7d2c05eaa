package io.mcpconfig.admin.stream;

import io.mcpconfig.admin.db.ConfigSnapshot;
import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.OrgView;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code views check}: every live view equals the merge rule over the database (the oracle,
 * {@link ConfigSnapshot}), runnable in production. The pipeline trails the database by its
 * propagation delay, so differences are re-checked (database and views read again) until none are
 * left or {@code grace} has passed.
 */
public final class ViewsCheck {
    private ViewsCheck() {}

    /** @return the differences left after {@code grace} (database = expected, live views = actual); empty if none */
    public static List<ViewDifference> check(ChangeLog log, Connection db, Duration grace) throws SQLException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            Map<String, OrgView> expected = expected(ConfigSnapshot.read(db));
            List<ViewDifference> differences = ViewDiff.compare(expected, log.liveViews());
            if (differences.isEmpty() || System.nanoTime() >= deadline) {
                return differences;
            }
            try {
                Thread.sleep(500); // waiting for the pipeline (another process) to catch up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return differences;
            }
        }
    }

    /** Every view the database implies: the defaults and each organization. */
    static Map<String, OrgView> expected(ConfigSnapshot snapshot) {
        Map<String, OrgView> views = new HashMap<>();
        views.put(Scopes.DEFAULTS, snapshot.defaultsView(0, Instant.EPOCH));
        for (String org : snapshot.organizations().keySet()) {
            views.put(org, snapshot.orgView(org, 0, Instant.EPOCH));
        }
        return views;
    }
}
