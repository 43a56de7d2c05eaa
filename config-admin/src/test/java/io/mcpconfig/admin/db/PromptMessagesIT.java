package io.mcpconfig.admin.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.schemas.avro.MessageContentKind;
import io.mcpconfig.schemas.avro.MessageRole;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.PromptMessage;
import io.mcpconfig.schemas.avro.ViewPrompt;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The messages column (V3): checked by the database like every other column, read back as Avro, history and rollback included. */
class PromptMessagesIT {
    private static final String CHAT = """
            '[{"role": "user", "content": {"type": "text", "text": "Reply to {{m}}"}},
              {"role": "user", "content": {"type": "resource", "uri": "policy://support"}},
              {"role": "assistant", "content": {"type": "resource_link", "uri": "policy://support"}}]'""";
    private static Database db;

    @BeforeAll
    static void setUp() throws Exception {
        db = new Database("messages");
        db.exec("INSERT INTO organization (id, display_name) VALUES ('acme', 'Acme')",
                "INSERT INTO default_resource (uri, name, content_text) VALUES ('policy://support', 'policy', 'Be kind.')",
                "INSERT INTO default_prompt (name, messages) VALUES ('chat', " + CHAT + ")",
                "INSERT INTO default_prompt (name, template) VALUES ('plain', 'Hi {{m}}')");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            not an array                | '{"role": "user"}'                                                                  | prompt_messages_must_be_a_list_of_1_to_64_role_content_objects
            an empty array              | '[]'                                                                                | prompt_messages_must_be_a_list_of_1_to_64_role_content_objects
            65 messages                 | (SELECT jsonb_agg('{"role":"user","content":{"type":"text","text":"x"}}'::jsonb) FROM generate_series(1, 65)) | prompt_messages_must_be_a_list_of_1_to_64_role_content_objects
            a message that is a string  | '["hello"]'                                                                         | prompt_messages_must_be_a_list_of_1_to_64_role_content_objects
            a message without content   | '[{"role": "user"}]'                                                                | prompt_messages_must_be_a_list_of_1_to_64_role_content_objects
            an unknown message key      | '[{"role": "user", "content": {"type": "text", "text": "x"}, "name": "n"}]'          | prompt_messages_must_be_a_list_of_1_to_64_role_content_objects
            role system                 | '[{"role": "system", "content": {"type": "text", "text": "x"}}]'                     | prompt_message_role_must_be_user_or_assistant
            role not a string           | '[{"role": 1, "content": {"type": "text", "text": "x"}}]'                            | prompt_message_role_must_be_user_or_assistant
            content type image          | '[{"role": "user", "content": {"type": "image", "data": "x"}}]'                      | prompt_message_content_must_be_text_resource_or_resource_link
            content not an object       | '[{"role": "user", "content": "hello"}]'                                            | prompt_message_content_must_be_text_resource_or_resource_link
            text not a string           | '[{"role": "user", "content": {"type": "text", "text": 5}}]'                         | prompt_message_content_must_be_text_resource_or_resource_link
            text with a uri             | '[{"role": "user", "content": {"type": "text", "text": "x", "uri": "a:b"}}]'          | prompt_message_content_must_be_text_resource_or_resource_link
            resource without a uri      | '[{"role": "user", "content": {"type": "resource"}}]'                                | prompt_message_content_must_be_text_resource_or_resource_link
            link with inline text       | '[{"role": "user", "content": {"type": "resource_link", "uri": "a:b", "text": "x"}}]' | prompt_message_content_must_be_text_resource_or_resource_link
            empty text                  | '[{"role": "user", "content": {"type": "text", "text": ""}}]'                        | prompt_message_text_must_be_1_byte_to_256_kib
            text over 256 KiB           | jsonb_build_array(jsonb_build_object('role', 'user', 'content', jsonb_build_object('type', 'text', 'text', repeat('x', 262145)))) | prompt_message_text_must_be_1_byte_to_256_kib
            uri without a scheme        | '[{"role": "user", "content": {"type": "resource", "uri": "support-policy"}}]'       | prompt_message_uri_must_be_scheme_colon_rest_at_most_2048_chars
            uri with a space            | '[{"role": "user", "content": {"type": "resource_link", "uri": "a:b c"}}]'           | prompt_message_uri_must_be_scheme_colon_rest_at_most_2048_chars
            messages over 512 KiB       | (SELECT jsonb_agg(jsonb_build_object('role', 'user', 'content', jsonb_build_object('type', 'text', 'text', repeat('x', 200000)))) FROM generate_series(1, 3)) | prompt_messages_must_be_at_most_512_kib
            """)
    void badMessagesAreRejectedInDefaultsAndOverridesAlike(String what, String messages, String constraint) {
        assertThatThrownBy(() -> db.exec("INSERT INTO default_prompt (name, messages) VALUES ('bad', " + messages + ")"))
                .isInstanceOf(SQLException.class).hasMessageContaining(constraint);
        assertThatThrownBy(() -> db.exec("INSERT INTO organization_prompt (org_id, name, messages) VALUES ('acme', 'bad', " + messages + ")"))
                .isInstanceOf(SQLException.class).hasMessageContaining(constraint);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            default with both           | INSERT INTO default_prompt (name, template, messages) VALUES ('b1', 't', '[{"role":"user","content":{"type":"text","text":"x"}}]') | default_prompt_needs_exactly_one_of_template_or_messages
            default with neither        | INSERT INTO default_prompt (name) VALUES ('b2')                                                     | default_prompt_needs_exactly_one_of_template_or_messages
            override with both          | INSERT INTO organization_prompt (org_id, name, template, messages) VALUES ('acme', 'b3', 't', '[{"role":"user","content":{"type":"text","text":"x"}}]') | override_prompt_may_not_set_both_template_and_messages
            a template added to a chat  | UPDATE default_prompt SET template = 't' WHERE name = 'chat'                                        | default_prompt_needs_exactly_one_of_template_or_messages
            """)
    void aBodyIsATemplateOrMessages(String what, String sql, String constraint) {
        assertThatThrownBy(() -> db.exec(sql)).isInstanceOf(SQLException.class).hasMessageContaining(constraint);
    }

    @Test
    void messagesAreReadBackAsAvroAndMergedWithTheirResource() throws Exception {
        db.exec("INSERT INTO organization_prompt (org_id, name, title) VALUES ('acme', 'chat', 'Acme chat')");
        ConfigSnapshot config;
        try (Connection c = db.connect()) {
            config = ConfigSnapshot.read(c);
        }
        assertThat(config.defaultPrompts().get("chat").getTemplate()).isNull();
        assertThat(config.defaultPrompts().get("chat").getMessages()).containsExactly(
                new PromptMessage(MessageRole.USER, MessageContentKind.TEXT, "Reply to {{m}}", null),
                new PromptMessage(MessageRole.USER, MessageContentKind.RESOURCE, null, "policy://support"),
                new PromptMessage(MessageRole.ASSISTANT, MessageContentKind.RESOURCE_LINK, null, "policy://support"));
        assertThat(config.defaultPrompts().get("plain").getMessages()).isNull();
        assertThat(config.orgPrompts().get("acme").get("chat").getMessages()).as("the override inherits the body").isNull();

        OrgView acme = config.orgView("acme", 1, Instant.EPOCH);
        ViewPrompt chat = acme.getPrompts().stream().filter(p -> p.getName().equals("chat")).findFirst().orElseThrow();
        assertThat(chat.getTitle()).isEqualTo("Acme chat");
        assertThat(chat.getMessages()).hasSize(3);
    }

    @Test
    void historyAndRollbackKeepTheMessages() throws Exception {
        db.exec("INSERT INTO default_prompt (name, messages) VALUES ('rb', '[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"v1\"}}]')",
                "UPDATE default_prompt SET messages = NULL, template = 'now a template' WHERE name = 'rb'");
        assertThat(db.queryString("SELECT row_data -> 'messages' -> 0 -> 'content' ->> 'text' FROM config_history "
                + "WHERE table_name = 'default_prompt' AND item_key = 'rb' AND version = 1")).isEqualTo("v1");
        long version;
        try (Connection c = db.connect()) {
            version = Rollback.toVersion(c, Rollback.Table.DEFAULT_PROMPT, "_defaults", "rb", 1, "ops-alice").orElseThrow();
        }
        assertThat(version).isEqualTo(3);
        assertThat(db.queryString("SELECT coalesce(template, '-') || '|' || (messages -> 0 -> 'content' ->> 'text') "
                + "FROM default_prompt WHERE name = 'rb'")).isEqualTo("-|v1");
        try (Connection c = db.connect()) {
            Rollback.toVersion(c, Rollback.Table.DEFAULT_PROMPT, "_defaults", "rb", 2, "ops-alice");
        }
        assertThat(db.queryString("SELECT template || '|' || coalesce(messages::text, '-') FROM default_prompt WHERE name = 'rb'"))
                .isEqualTo("now a template|-");
    }

    @Test
    void anOverridesMessagesRollBackToo() throws Exception {
        db.exec("INSERT INTO organization_prompt (org_id, name, messages) VALUES ('acme', 'own', '[{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"a1\"}}]')",
                "UPDATE organization_prompt SET messages = '[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"a2\"}}]' WHERE org_id = 'acme' AND name = 'own'");
        try (Connection c = db.connect()) {
            Rollback.toVersion(c, Rollback.Table.ORGANIZATION_PROMPT, "acme", "own", 1, "ops-bob");
        }
        assertThat(db.queryString("SELECT (messages -> 0 ->> 'role') || '|' || (messages -> 0 -> 'content' ->> 'text') || '|' || updated_by "
                + "FROM organization_prompt WHERE org_id = 'acme' AND name = 'own'")).isEqualTo("assistant|a1|ops-bob");
    }

    @Test
    void messagesCountAgainstTheScopesBudget() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            // Seventeen prompts of ~500 KB of messages: each is within its own bound, together over 8 MiB.
            st.execute("INSERT INTO default_prompt (name, messages) SELECT 'big' || g, jsonb_build_array("
                    + "jsonb_build_object('role', 'user', 'content', jsonb_build_object('type', 'text', 'text', repeat('x', 250000))),"
                    + "jsonb_build_object('role', 'user', 'content', jsonb_build_object('type', 'text', 'text', repeat('y', 250000))))"
                    + " FROM generate_series(1, 17) g");
            assertThatThrownBy(c::commit).isInstanceOf(SQLException.class).hasMessageContaining("over the 8 MiB a scope may hold");
        }
        assertThat(db.queryLong("SELECT count(*) FROM default_prompt WHERE name LIKE 'big%'")).isZero();
    }

    @Test
    void theParserNamesTheMessageAndTheField() {
        assertThatThrownBy(() -> PromptMessages.parse("[{\"role\":\"user\",\"content\":{\"type\":\"text\"}}]"))
                .hasMessage("prompt message 1: content.text must be a string");
        assertThatThrownBy(() -> PromptMessages.parse("[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"x\"}},{\"role\":\"bot\"}]"))
                .hasMessageContaining("prompt message 2: role must be user or assistant");
        assertThat(PromptMessages.parse(null)).isNull();
        assertThat(PromptMessages.parse("[]")).isEqualTo(List.of());
    }
}
