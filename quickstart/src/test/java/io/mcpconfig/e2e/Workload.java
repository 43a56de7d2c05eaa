package io.mcpconfig.e2e;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random workload over the config tables, through plain SQL as an admin would write:
 * organizations created, toggled and deleted; overrides inserted, updated (one field or several),
 * toggled and deleted; defaults changed; several writes in one transaction. The same seed gives
 * the same sequence of statements, so a failing run can be replayed.
 */
final class Workload {
    private static final String[] PROMPTS = {"p0", "p1", "p2", "p3", "p4"};
    private static final String[] RESOURCES = {"config://r0", "config://r1", "config://r2"};

    private final Random random;
    private final int orgCount;
    private int counter;

    Workload(long seed, int orgCount) {
        this.random = new Random(seed);
        this.orgCount = orgCount;
    }

    /** Defaults and {@code orgCount} organizations, in one transaction. */
    void seed(Connection c) throws SQLException {
        inTransaction(c, st -> {
            for (String p : PROMPTS) {
                st.addBatch("INSERT INTO default_prompt (name, title, template, arguments) VALUES ('" + p + "', 'Title " + p
                        + "', 'template " + p + " {{x}}', '[{\"name\":\"x\",\"required\":true}]')");
            }
            for (String r : RESOURCES) {
                st.addBatch("INSERT INTO default_resource (uri, name, content_text) VALUES ('" + r + "', 'n', 'text of " + r + "')");
            }
            for (int i = 0; i < orgCount; i++) {
                st.addBatch("INSERT INTO organization (id, display_name) VALUES ('" + org(i) + "', 'Org " + i + "')");
            }
        });
    }

    /** Runs {@code steps} random transactions of one to five writes each. */
    void run(Connection c, int steps) throws SQLException {
        for (int i = 0; i < steps; i++) {
            int writes = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(4);
            List<String> statements = new ArrayList<>();
            for (int w = 0; w < writes; w++) {
                statements.add(nextStatement());
            }
            inTransaction(c, st -> {
                for (String s : statements) {
                    st.addBatch(s);
                }
            });
        }
    }

    private String nextStatement() {
        counter++;
        String org = org(random.nextInt(orgCount));
        String prompt = PROMPTS[random.nextInt(PROMPTS.length)];
        String resource = RESOURCES[random.nextInt(RESOURCES.length)];
        int dice = random.nextInt(100);
        if (dice < 25) { // upsert a template-only override
            return "INSERT INTO organization_prompt (org_id, name, template) SELECT '" + org + "', '" + prompt + "', 'own " + counter
                    + " {{x}}' WHERE EXISTS (SELECT 1 FROM organization WHERE id = '" + org + "') "
                    + "ON CONFLICT (org_id, name) DO UPDATE SET template = EXCLUDED.template";
        } else if (dice < 35) { // toggle an override's active
            return "INSERT INTO organization_prompt (org_id, name, active) SELECT '" + org + "', '" + prompt + "', " + random.nextBoolean()
                    + " WHERE EXISTS (SELECT 1 FROM organization WHERE id = '" + org + "') "
                    + "ON CONFLICT (org_id, name) DO UPDATE SET active = EXCLUDED.active";
        } else if (dice < 45) { // delete an override: the default shows again
            return "DELETE FROM organization_prompt WHERE org_id = '" + org + "' AND name = '" + prompt + "'";
        } else if (dice < 55) { // an org-only prompt, sometimes incomplete
            String template = random.nextInt(4) == 0 ? "NULL" : "'org only " + counter + "'";
            return "INSERT INTO organization_prompt (org_id, name, template) SELECT '" + org + "', 'own_" + random.nextInt(3) + "', " + template
                    + " WHERE EXISTS (SELECT 1 FROM organization WHERE id = '" + org + "') "
                    + "ON CONFLICT (org_id, name) DO UPDATE SET template = EXCLUDED.template";
        } else if (dice < 65) { // resource override: text, blob, or content inherited
            String content = switch (random.nextInt(3)) {
                case 0 -> "'own text " + counter + "', NULL";
                case 1 -> "NULL, '\\x" + String.format("%08x", counter) + "'::bytea";
                default -> "NULL, NULL";
            };
            return "INSERT INTO organization_resource (org_id, uri, content_text, content_blob) SELECT '" + org + "', '" + resource + "', "
                    + content + " WHERE EXISTS (SELECT 1 FROM organization WHERE id = '" + org + "') "
                    + "ON CONFLICT (org_id, uri) DO UPDATE SET content_text = EXCLUDED.content_text, content_blob = EXCLUDED.content_blob";
        } else if (dice < 70) {
            return "DELETE FROM organization_resource WHERE org_id = '" + org + "' AND uri = '" + resource + "'";
        } else if (dice < 80) { // a default changes: fan-out to every org that inherits it
            return "UPDATE default_prompt SET template = 'default " + counter + " {{x}}' WHERE name = '" + prompt + "'";
        } else if (dice < 84) {
            return "UPDATE default_prompt SET active = NOT active WHERE name = '" + prompt + "'";
        } else if (dice < 87) { // a default disappears and comes back
            return random.nextBoolean()
                    ? "DELETE FROM default_resource WHERE uri = '" + resource + "'"
                    : "INSERT INTO default_resource (uri, name, content_text) VALUES ('" + resource + "', 'n', 'back " + counter
                            + "') ON CONFLICT (uri) DO UPDATE SET content_text = EXCLUDED.content_text";
        } else if (dice < 93) { // an org is suspended or reinstated
            return "UPDATE organization SET active = NOT active WHERE id = '" + org + "'";
        } else if (dice < 97) { // an org is deleted (its overrides cascade) ...
            return "DELETE FROM organization WHERE id = '" + org + "'";
        } else { // ... or (re)created
            return "INSERT INTO organization (id, display_name) VALUES ('" + org + "', 'Org') ON CONFLICT (id) DO NOTHING";
        }
    }

    static String org(int i) {
        return String.format("org-%03d", i);
    }

    private interface Batch {
        void fill(Statement st) throws SQLException;
    }

    private static void inTransaction(Connection c, Batch batch) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            batch.fill(st);
            st.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
