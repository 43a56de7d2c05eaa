package io.mcpconfig.admin.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every write to every config table gets version + 1 and a history row, by trigger. */
class HistoryTriggersIT {
    private static Database db;

    @BeforeAll
    static void setUp() throws Exception {
        db = new Database("history");
        db.exec("INSERT INTO organization (id, display_name) VALUES ('o1', 'Org one')");
    }

    /** One row of each table: how to insert, update and delete it, and how history names it. */
    enum Table {
        ORGANIZATION("organization", "o2", "o2",
                "INSERT INTO organization (id, display_name) VALUES ('o2', 'Org two')",
                "UPDATE organization SET active = false WHERE id = 'o2'",
                "DELETE FROM organization WHERE id = 'o2'", "id = 'o2'"),
        DEFAULT_PROMPT("default_prompt", "_defaults", "p",
                "INSERT INTO default_prompt (name, template) VALUES ('p', 't1')",
                "UPDATE default_prompt SET template = 't2' WHERE name = 'p'",
                "DELETE FROM default_prompt WHERE name = 'p'", "name = 'p'"),
        DEFAULT_RESOURCE("default_resource", "_defaults", "config://r",
                "INSERT INTO default_resource (uri, name, content_text) VALUES ('config://r', 'r', 'x')",
                "UPDATE default_resource SET content_text = 'y' WHERE uri = 'config://r'",
                "DELETE FROM default_resource WHERE uri = 'config://r'", "uri = 'config://r'"),
        ORGANIZATION_PROMPT("organization_prompt", "o1", "p",
                "INSERT INTO organization_prompt (org_id, name, active) VALUES ('o1', 'p', false)",
                "UPDATE organization_prompt SET template = 'own' WHERE org_id = 'o1' AND name = 'p'",
                "DELETE FROM organization_prompt WHERE org_id = 'o1' AND name = 'p'", "org_id = 'o1' AND name = 'p'"),
        ORGANIZATION_RESOURCE("organization_resource", "o1", "config://r",
                "INSERT INTO organization_resource (org_id, uri, content_blob) VALUES ('o1', 'config://r', '\\x01')",
                "UPDATE organization_resource SET active = false WHERE org_id = 'o1' AND uri = 'config://r'",
                "DELETE FROM organization_resource WHERE org_id = 'o1' AND uri = 'config://r'", "org_id = 'o1' AND uri = 'config://r'");

        final String name, scope, key, insert, update, delete, where;

        Table(String name, String scope, String key, String insert, String update, String delete, String where) {
            this.name = name;
            this.scope = scope;
            this.key = key;
            this.insert = insert;
            this.update = update;
            this.delete = delete;
            this.where = where;
        }
    }

    @ParameterizedTest
    @EnumSource(Table.class)
    void insertUpdateDeleteReinsertEachAddAVersionAndAHistoryRow(Table t) throws Exception {
        db.exec(t.insert);
        assertThat(currentVersion(t)).isEqualTo(1);
        db.exec(t.update);
        assertThat(currentVersion(t)).isEqualTo(2);
        db.exec(t.update);
        assertThat(currentVersion(t)).isEqualTo(3);
        db.exec(t.delete);
        db.exec(t.insert);
        assertThat(currentVersion(t)).as("a re-inserted key continues after its delete").isEqualTo(5);

        assertThat(history(t)).containsExactly("1 I", "2 U", "3 U", "4 D", "5 I");
        db.exec(t.delete);
    }

    @Test
    void historyKeepsTheFullRowAsWritten() throws Exception {
        db.exec("INSERT INTO default_prompt (name, title, template, arguments) VALUES "
                + "('full', 'Full', 'hello {{who}}', '[{\"name\":\"who\",\"required\":true}]')");
        assertThat(db.queryString("SELECT row_data ->> 'template' FROM config_history WHERE item_key = 'full'"))
                .isEqualTo("hello {{who}}");
        assertThat(db.queryString("SELECT row_data -> 'arguments' -> 0 ->> 'name' FROM config_history WHERE item_key = 'full'"))
                .isEqualTo("who");
    }

    @Test
    void actorIsAsWrittenElseTheSessionSettingElseTheDatabaseUser() throws Exception {
        db.exec("INSERT INTO default_prompt (name, template) VALUES ('who', 't')");
        assertThat(db.queryString("SELECT updated_by FROM default_prompt WHERE name = 'who'")).isEqualTo("postgres");

        db.exec("SET mcpconfig.actor = 'alice'; UPDATE default_prompt SET template = 't2' WHERE name = 'who'");
        assertThat(db.queryString("SELECT updated_by FROM default_prompt WHERE name = 'who'")).isEqualTo("alice");

        db.exec("UPDATE default_prompt SET template = 't3', updated_by = 'bob' WHERE name = 'who'");
        assertThat(db.queryString("SELECT updated_by FROM default_prompt WHERE name = 'who'")).isEqualTo("bob");

        db.exec("SET mcpconfig.actor = 'carol'; DELETE FROM default_prompt WHERE name = 'who'");
        assertThat(db.queryString("SELECT actor FROM config_history WHERE item_key = 'who' AND op = 'D'"))
                .as("a delete is attributed to who deleted, not to the last writer").isEqualTo("carol");
    }

    @Test
    void deletingAnOrganizationRecordsTheCascadedDeletesOfItsOverrides() throws Exception {
        db.exec("INSERT INTO organization (id, display_name) VALUES ('gone', 'Gone')",
                "INSERT INTO organization_prompt (org_id, name, template) VALUES ('gone', 'p', 't')",
                "DELETE FROM organization WHERE id = 'gone'");
        assertThat(db.queryLong("SELECT count(*) FROM config_history WHERE scope = 'gone' AND op = 'D'")).isEqualTo(2);
    }

    @Test
    void capturedTablesHaveReplicaIdentityFull() throws Exception {
        assertThat(db.queryLong("SELECT count(*) FROM pg_class WHERE relreplident = 'f' AND relname IN "
                + "('organization', 'default_prompt', 'default_resource', 'organization_prompt', 'organization_resource')"))
                .isEqualTo(5);
    }

    private static long currentVersion(Table t) throws Exception {
        return db.queryLong("SELECT version FROM " + t.name + " WHERE " + t.where);
    }

    private static List<String> history(Table t) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, op FROM config_history WHERE table_name = '" + t.name
                     + "' AND scope = '" + t.scope + "' AND item_key = '" + t.key + "' ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
