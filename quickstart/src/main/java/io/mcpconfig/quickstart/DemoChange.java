package io.mcpconfig.quickstart;

import io.mcpconfig.cache.ConfigCache;
import io.mcpconfig.cache.ListenerRegistration;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.ViewChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** The quickstart's live demonstration: one SQL change, timed from commit until the client cache has it. */
final class DemoChange {
    record Result(double latencyMillis, ViewChange change) {}

    private DemoChange() {}

    /**
     * Blocks until the demo data's views are in the cache: a view of every org in the database, and
     * acme's with its own code review template. Waiting for acme alone would report a cache that is
     * still filling (the orgs' views reach it through different partitions).
     */
    static void awaitDemoViews(LocalStack stack, Duration timeout) throws SQLException {
        Set<String> orgs = new HashSet<>();
        try (Connection c = stack.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT id FROM organization")) {
            while (rs.next()) {
                orgs.add(rs.getString(1));
            }
        }
        ConfigCache cache = stack.cache();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Prompt review = cache.forOrg("acme").prompt("code_review");
            if (review != null && review.template().startsWith("You review code at Acme") && cache.orgIds().containsAll(orgs)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo views did not reach the client cache within " + timeout);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** Updates acme's code review template (as actor {@code quickstart}) and waits for the cache's listener. */
    static Result run(LocalStack stack, String marker) throws Exception {
        CompletableFuture<ViewChange> seen = new CompletableFuture<>();
        AtomicLong seenAt = new AtomicLong();
        String template = "You review code at Acme (" + marker + "). {{code}}";
        ListenerRegistration registration = stack.cache().addListener("acme", change -> {
            Prompt p = change.after().prompt("code_review");
            if (p != null && p.template().equals(template)) {
                seenAt.set(System.nanoTime());
                seen.complete(change);
            }
        });
        try (Connection c = stack.connect();
             PreparedStatement st = c.prepareStatement(
                     "UPDATE organization_prompt SET template = ?, updated_by = 'quickstart' WHERE org_id = 'acme' AND name = 'code_review'")) {
            st.setString(1, template);
            st.executeUpdate();
            long committed = System.nanoTime();
            ViewChange change = seen.get(30, TimeUnit.SECONDS);
            return new Result((seenAt.get() - committed) / 1e6, change);
        } finally {
            registration.close();
        }
    }
}
