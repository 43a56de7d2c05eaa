package io.mcpconfig.admin.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The demo data set: 7 default prompts, 6 default resources and 4 organizations with overrides of
 * different kinds. Loaded by code, never by a migration, so production databases get no demo rows.
 * Idempotent: existing rows are left as they are.
 */
public final class DemoData {
    public static final String ACTOR = "demo-data";
    public static final int DEFAULT_PROMPTS = 7;
    public static final int DEFAULT_RESOURCES = 6;

    private DemoData() {}

    /** Loads the demo data in one transaction, attributed to {@value #ACTOR}. */
    public static void load(Connection connection) throws SQLException {
        String script = read("/demo/demo-data.sql");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement actor = connection.prepareStatement("SELECT set_config('mcpconfig.actor', ?, true)");
             Statement statement = connection.createStatement()) {
            actor.setString(1, ACTOR);
            actor.execute();
            statement.execute(script);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String read(String path) {
        try (InputStream in = DemoData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the schemas jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
