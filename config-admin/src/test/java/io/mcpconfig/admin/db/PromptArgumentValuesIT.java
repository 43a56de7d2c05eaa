package io.mcpconfig.admin.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Suggested values of prompt arguments (V3.1): accepted when well-formed, refused by the database otherwise. */
class PromptArgumentValuesIT {
    private static Database db;

    @BeforeAll
    static void setUp() {
        db = new Database("argvalues");
    }

    @Test
    void well_formed_values_are_stored_and_parsed_in_order() throws SQLException {
        db.exec("INSERT INTO default_prompt (name, template, arguments) VALUES ('reply', 't', "
                + "'[{\"name\":\"tone\",\"required\":true,\"values\":[\"friendly\",\"formal\",\"apologetic\"]},{\"name\":\"x\"}]')");
        String json = db.queryString("SELECT arguments::text FROM default_prompt WHERE name = 'reply'");
        assertThat(PromptArguments.parse(json)).satisfiesExactly(
                tone -> assertThat(tone.getValues()).containsExactly("friendly", "formal", "apologetic"),
                x -> assertThat(x.getValues()).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            values not an array     | '[{"name":"t","values":"friendly"}]'
            a value not a string    | '[{"name":"t","values":["a",1]}]'
            an empty value          | '[{"name":"t","values":[""]}]'
            a value of 201 chars    | jsonb_build_array(jsonb_build_object('name', 't', 'values', jsonb_build_array(repeat('v', 201))))
            a value twice           | '[{"name":"t","values":["a","a"]}]'
            1001 values             | jsonb_build_array(jsonb_build_object('name', 't', 'values', (SELECT jsonb_agg(g::text) FROM generate_series(1, 1001) g)))
            """)
    void bad_values_are_refused_naming_the_rule(String why, String arguments) {
        assertThatThrownBy(() -> db.exec("INSERT INTO default_prompt (name, template, arguments) VALUES ('bad', 't', " + arguments + ")"))
                .as(why).isInstanceOf(SQLException.class)
                .hasMessageContaining("prompt_arguments_must_be_array_of_name_description_required");
    }
}
