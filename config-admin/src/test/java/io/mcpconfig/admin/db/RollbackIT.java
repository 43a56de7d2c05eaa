package io.mcpconfig.admin.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.admin.db.Rollback.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rollback writes an old version's content as a new version; history only grows. */
class RollbackIT {
    private static Database db;

    @BeforeAll
    static void setUp() throws Exception {
        db = new Database("rollback");
        db.exec("INSERT INTO organization (id, display_name) VALUES ('acme', 'Acme')");
    }

    @Test
    void restoresAnEarlierDefaultAsANewVersionAttributedToTheActor() throws Exception {
        db.exec("INSERT INTO default_prompt (name, title, template) VALUES ('greet', 'Greeting', 'hello v1')",
                "UPDATE default_prompt SET template = 'hello v2', title = 'Greeting 2' WHERE name = 'greet'",
                "UPDATE default_prompt SET active = false WHERE name = 'greet'");
        long historyBefore = db.queryLong("SELECT count(*) FROM config_history");

        try (Connection c = db.connect()) {
            assertThat(Rollback.toVersion(c, Table.DEFAULT_PROMPT, "_defaults", "greet", 1, "ops-alice"))
                    .isEqualTo(OptionalLong.of(4));
        }

        assertThat(db.queryString("SELECT template || '|' || title || '|' || active || '|' || version || '|' || updated_by "
                + "FROM default_prompt WHERE name = 'greet'")).isEqualTo("hello v1|Greeting|true|4|ops-alice");
        assertThat(db.queryLong("SELECT count(*) FROM config_history")).isEqualTo(historyBefore + 1);
        assertThat(db.queryString("SELECT row_data ->> 'template' FROM config_history WHERE item_key = 'greet' AND version = 2"))
                .as("history is never rewritten").isEqualTo("hello v2");
        assertThat(db.queryString("SELECT actor FROM config_history WHERE item_key = 'greet' AND version = 4")).isEqualTo("ops-alice");
    }

    @Test
    void restoresADeletedOverrideAndCanRollBackToTheDelete() throws Exception {
        db.exec("INSERT INTO organization_resource (org_id, uri, content_text) VALUES ('acme', 'config://x', 'mine')",
                "DELETE FROM organization_resource WHERE org_id = 'acme' AND uri = 'config://x'");
        try (Connection c = db.connect()) {
            assertThat(Rollback.toVersion(c, Table.ORGANIZATION_RESOURCE, "acme", "config://x", 1, "ops"))
                    .isEqualTo(OptionalLong.of(3));
            assertThat(db.queryString("SELECT content_text FROM organization_resource WHERE uri = 'config://x'")).isEqualTo("mine");

            assertThat(Rollback.toVersion(c, Table.ORGANIZATION_RESOURCE, "acme", "config://x", 2, "ops")).isEmpty();
            assertThat(db.queryLong("SELECT count(*) FROM organization_resource WHERE uri = 'config://x'")).isZero();
            assertThat(db.queryLong("SELECT max(version) FROM config_history WHERE item_key = 'config://x'")).isEqualTo(4);
        }
    }

    @Test
    void restoresBlobContentExactly() throws Exception {
        db.exec("INSERT INTO default_resource (uri, name, mime_type, content_blob) VALUES ('config://logo', 'logo', 'image/png', '\\x00ff10')",
                "UPDATE default_resource SET content_blob = '\\x01' WHERE uri = 'config://logo'");
        try (Connection c = db.connect()) {
            Rollback.toVersion(c, Table.DEFAULT_RESOURCE, "_defaults", "config://logo", 1, "ops");
        }
        assertThat(db.queryString("SELECT encode(content_blob, 'hex') FROM default_resource WHERE uri = 'config://logo'"))
                .isEqualTo("00ff10");
    }

    @Test
    void anUnknownVersionIsAClearError() throws Exception {
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> Rollback.toVersion(c, Table.DEFAULT_PROMPT, "_defaults", "nothing", 3, "ops"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no version 3 of default_prompt nothing in scope _defaults");
        }
    }
}
