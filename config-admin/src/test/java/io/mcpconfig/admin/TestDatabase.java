package io.mcpconfig.admin;

import io.mcpconfig.admin.db.Database;
import java.sql.Connection;
import java.sql.SQLException;

/** {@link Database} (the fresh, migrated test database) with a ConfigAdmin over it. */
final class TestDatabase {
    private final Database db;
    final String url;
    final ConfigAdmin admin;

    TestDatabase(String base) {
        this.db = new Database(base);
        this.url = db.url;
        this.admin = ConfigAdmin.connect(url, db.server().user(), db.server().password());
    }

    Connection connect() throws SQLException {
        return db.connect();
    }

    void exec(String... sql) throws SQLException {
        db.exec(sql);
    }

    long count(String sql) throws SQLException {
        return db.queryLong(sql);
    }

    String string(String sql) throws SQLException {
        return db.queryString(sql);
    }
}
