package io.mcpconfig.admin.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The database rejects bad input at write time, with an error that names the problem. */
class ConstraintsIT {
    private static Database db;

    @BeforeAll
    static void setUp() throws Exception {
        db = new Database("constraints");
        db.exec("INSERT INTO organization (id, display_name) VALUES ('acme', 'Acme')",
                "INSERT INTO default_prompt (name, template) VALUES ('p', 't')");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            org id with upper case          | INSERT INTO organization (id, display_name) VALUES ('Acme2', 'x')                            | org_id_must_be_lowercase
            org id named like the defaults  | INSERT INTO organization (id, display_name) VALUES ('_defaults', 'x')                        | org_id_must_be_lowercase
            org id starting with a dash     | INSERT INTO organization (id, display_name) VALUES ('-x', 'x')                               | org_id_must_be_lowercase
            org id of 64 characters         | INSERT INTO organization (id, display_name) VALUES (repeat('a', 64), 'x')                    | org_id_must_be_lowercase
            empty display name              | INSERT INTO organization (id, display_name) VALUES ('ok', '')                                | org_display_name_must_have_1_to_200_chars
            default resource with both      | INSERT INTO default_resource (uri, name, content_text, content_blob) VALUES ('a:b', 'n', 't', '\\x00') | default_resource_needs_exactly_one_of_text_or_blob_content
            default resource with neither   | INSERT INTO default_resource (uri, name) VALUES ('a:c', 'n')                                 | default_resource_needs_exactly_one_of_text_or_blob_content
            override resource with both     | INSERT INTO organization_resource (org_id, uri, content_text, content_blob) VALUES ('acme', 'a:d', 't', '\\x00') | override_resource_may_not_set_both_text_and_blob_content
            override of an unknown org      | INSERT INTO organization_prompt (org_id, name, template) VALUES ('nobody', 'p', 't')         | organization_prompt_org_id_fkey
            arguments not an array          | INSERT INTO default_prompt (name, template, arguments) VALUES ('a1', 't', '{"name":"x"}')    | prompt_arguments_must_be_array_of_name_description_required
            argument with an unknown key    | INSERT INTO default_prompt (name, template, arguments) VALUES ('a2', 't', '[{"name":"x","type":"int"}]') | prompt_arguments_must_be_array_of_name_description_required
            argument without a name         | INSERT INTO default_prompt (name, template, arguments) VALUES ('a3', 't', '[{"description":"d"}]') | prompt_arguments_must_be_array_of_name_description_required
            argument names repeated         | INSERT INTO default_prompt (name, template, arguments) VALUES ('a4', 't', '[{"name":"x"},{"name":"x"}]') | prompt_arguments_must_be_array_of_name_description_required
            required not a boolean          | INSERT INTO default_prompt (name, template, arguments) VALUES ('a5', 't', '[{"name":"x","required":"yes"}]') | prompt_arguments_must_be_array_of_name_description_required
            override arguments not an array | INSERT INTO organization_prompt (org_id, name, arguments) VALUES ('acme', 'p', '"x"')        | prompt_arguments_must_be_array_of_name_description_required
            default prompt without template | INSERT INTO default_prompt (name) VALUES ('a6')                                              | template
            prompt name with a space        | INSERT INTO default_prompt (name, template) VALUES ('a b', 't')                              | prompt_name_must_be_1_to_128
            resource uri without scheme     | INSERT INTO default_resource (uri, name, content_text) VALUES ('no-scheme', 'n', 't')        | resource_uri_must_be_scheme_colon_rest
            resource content over 1 MiB     | INSERT INTO default_resource (uri, name, content_text) VALUES ('a:big', 'n', repeat('x', 1048577)) | resource_content_must_be_at_most_1_mib
            bad mime type                   | INSERT INTO default_resource (uri, name, mime_type, content_text) VALUES ('a:m', 'n', 'text', 't') | resource_mime_type_must_look_like_type_slash_subtype
            changing a key                  | UPDATE default_prompt SET name = 'q' WHERE name = 'p'                                        | the key of a default_prompt row can't change
            """)
    void rejected(String what, String sql, String expectedInMessage) {
        assertThatThrownBy(() -> db.exec(sql))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(expectedInMessage);
    }

    @Test
    void aScopesContentIsBoundedAtCommitSoATransactionIsJudgedWhole() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            // Nine resources of ~1 MB are each fine on their own; together they outgrow what one view may carry.
            st.execute("INSERT INTO default_resource (uri, name, content_text) "
                    + "SELECT 'a:big' || g, 'n', repeat('x', 1000000) FROM generate_series(1, 9) g");
            assertThatThrownBy(c::commit).isInstanceOf(SQLException.class).hasMessageContaining("over the 8 MiB a scope may hold");
        }
        assertThat(db.queryLong("SELECT count(*) FROM default_resource WHERE uri LIKE 'a:big%'")).isZero();
    }

    @Test
    void nothingOfARejectedWriteReachesTheHistory() throws Exception {
        long before = db.queryLong("SELECT count(*) FROM config_history");
        assertThatThrownBy(() -> db.exec("INSERT INTO organization (id, display_name) VALUES ('BAD', 'x')"));
        assertThat(db.queryLong("SELECT count(*) FROM config_history")).isEqualTo(before);
    }
}
