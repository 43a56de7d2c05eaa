package io.mcpconfig.admin.stream;

import static io.mcpconfig.admin.stream.Events.override;
import static io.mcpconfig.admin.stream.Events.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.ConfigTable;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class AuditEntryTest {
    @Test
    void an_update_shows_only_the_fields_that_changed_with_both_values() {
        PromptRow before = override("acme", "greet", "Hi", 1);
        PromptRow after = PromptRow.newBuilder(before).setTemplate("Hello").setVersion(2).setUpdatedBy("carol").build();
        AuditEntry e = AuditEntry.of(row("acme", ChangeOp.UPDATE, ConfigTable.ORGANIZATION_PROMPT, "greet", before, after, 2, 5, 0));
        assertThat(e.changed()).containsExactly("template"); // version and updatedBy are the entry's own columns
        assertThat(e.before()).containsExactly(java.util.Map.entry("template", "Hi"));
        assertThat(e.after()).containsExactly(java.util.Map.entry("template", "Hello"));
        assertThat(e.table()).isEqualTo("organization_prompt");
        assertThat(e.commitLsn()).isEqualTo("0/5");
    }

    @Test
    void an_insert_has_no_before_and_a_delete_no_after() {
        PromptRow row = override("acme", "greet", "Hi", 1);
        AuditEntry insert = AuditEntry.of(row("acme", ChangeOp.INSERT, ConfigTable.ORGANIZATION_PROMPT, "greet", null, row, 1, 5, 0));
        assertThat(insert.before()).isEmpty();
        assertThat(insert.after()).containsEntry("template", "Hi").doesNotContainKey("title"); // null: not set
        AuditEntry delete = AuditEntry.of(row("acme", ChangeOp.DELETE, ConfigTable.ORGANIZATION_PROMPT, "greet", row, null, 2, 6, 0));
        assertThat(delete.after()).isEmpty();
        assertThat(delete.before()).containsEntry("template", "Hi");
        assertThat(delete.version()).isEqualTo(2);
    }

    @Test
    void jsonl_has_the_documented_keys_and_a_blob_in_base64_and_csv_quotes() throws Exception {
        ResourceRow r = new ResourceRow(null, "config://logo", "logo", null, null, "image/png", null,
                ByteBuffer.wrap(new byte[] {1, 2, 3}), true, 1L, Events.T0, "alice");
        AuditEntry e = AuditEntry.of(row("_defaults", ChangeOp.INSERT, ConfigTable.DEFAULT_RESOURCE, "config://logo", null, r, 1, 7, 0));
        JsonNode json = new ObjectMapper().readTree(AuditFormat.JSONL.line(e));
        assertThat(json.fieldNames()).toIterable().containsExactly("commitTime", "actor", "op", "table", "scope", "key",
                "version", "txId", "commitLsn", "changed", "before", "after");
        assertThat(json.get("after").get("contentBlob").asText()).isEqualTo("AQID");
        String csv = AuditFormat.CSV.line(e);
        assertThat(csv).startsWith("2026-11-24T10:00:07Z,alice,INSERT,default_resource,_defaults,config://logo,1,tx7:7,0/7,");
        assertThat(csv).contains("\"{\"\"name\"\":\"\"logo\"\"");
        assertThat(AuditFormat.TABLE.line(e)).contains("contentBlob: \"AQID\"");
    }

    @Test
    void a_bad_format_or_table_names_the_value() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditFormat.parse("xml"))
                .hasMessageContaining("'xml'").hasMessageContaining("jsonl");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditQuery.table("prompts"))
                .hasMessageContaining("'prompts'");
        assertThat(AuditQuery.table("organization_prompt")).isEqualTo(ConfigTable.ORGANIZATION_PROMPT);
    }
}
