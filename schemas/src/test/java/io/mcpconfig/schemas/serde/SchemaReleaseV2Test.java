package io.mcpconfig.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.MessageContentKind;
import io.mcpconfig.schemas.avro.MessageRole;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.PromptMessage;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import io.mcpconfig.schemas.merge.ContentHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * Release v2 (chat prompts: {@code PromptRow.messages}, {@code ViewPrompt.messages}): the current
 * schemas are exactly the latest release, v2 and v1 read each other's data, and what a client
 * built on v1 does with a v2 record (decision 16 in docs/decisions.md).
 */
class SchemaReleaseV2Test {

    @Test
    void theCurrentSchemasAreTheirLatestRelease() {
        assertLatest("ChangeEvent", ChangeEvent.getClassSchema(), 2);
        assertLatest("OrgView", OrgView.getClassSchema(), 2);
    }

    @Test
    void v2AndV1AreCompatibleBothWays() {
        for (String name : List.of("ChangeEvent", "OrgView")) {
            List<Schema> released = ReleasedSchemas.of(name);
            assertThat(SchemaCompatibilityCheck.problems(released.get(1), released.subList(0, 1))).as(name).isEmpty();
        }
    }

    /** A v1 reader that is given the v2 writer schema reads a v2 view: messages are dropped, everything else is kept. */
    @Test
    void aV1ReaderResolvesAV2ViewWithoutItsMessages() throws IOException {
        Schema v1 = ReleasedSchemas.of("OrgView").get(0);
        byte[] datum = datum(chatView());

        GenericRecord read = new GenericDatumReader<GenericRecord>(OrgView.getClassSchema(), v1)
                .read(null, DecoderFactory.get().binaryDecoder(datum, null));

        @SuppressWarnings("unchecked")
        List<GenericRecord> prompts = (List<GenericRecord>) read.get("prompts");
        assertThat(prompts).extracting(p -> p.get("name").toString()).containsExactly("draft", "review");
        assertThat(prompts.get(0).getSchema().getField("messages")).as("v1 has no messages").isNull();
        assertThat(prompts.get(0).get("template").toString()).as("a chat prompt's template, as a v1 client would see it").isEmpty();
        assertThat(prompts.get(1).get("template").toString()).isEqualTo("Review {{code}}");
        assertThat(read.get("revision")).isEqualTo(42L);
    }

    /**
     * But a client built on v1 holds only v1's fingerprint: single-object encoding names the writer
     * schema by fingerprint, and without a registry it can't learn v2. It refuses the record (the
     * client-cache counts and skips it) rather than guess. Hence: upgrade readers before writers.
     */
    @Test
    void aClientBuiltOnV1RefusesAV2RecordRatherThanGuess() {
        Schema v1 = ReleasedSchemas.of("OrgView").get(0);
        BinaryMessageDecoder<GenericRecord> v1Client = new BinaryMessageDecoder<>(GenericData.get(), v1);
        byte[] v2Record = AvroSerdes.orgView().serialize("views", chatView());

        assertThatThrownBy(() -> v1Client.decode(v2Record)).isInstanceOf(MissingSchemaException.class);
    }

    /** A v2 client reads records written before v2 (kept in the compacted topic and in snapshots): no messages. */
    @Test
    void aV2ReaderReadsV1RecordsAsTemplatePrompts() throws IOException {
        Schema v1 = ReleasedSchemas.of("OrgView").get(0);
        GenericRecord old = new GenericData.Record(v1);
        Schema promptSchema = v1.getField("prompts").schema().getElementType();
        GenericRecord prompt = new GenericData.Record(promptSchema);
        prompt.put("name", "review");
        prompt.put("template", "Review {{code}}");
        prompt.put("arguments", List.of());
        prompt.put("contentHash", "h");
        old.put("orgId", "acme");
        old.put("active", true);
        old.put("revision", 7L);
        old.put("updatedAt", 0L);
        old.put("prompts", List.of(prompt));
        old.put("resources", List.of());
        old.put("omitted", List.of());
        byte[] v1Record = new org.apache.avro.message.BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1)
                .encode(old).array();

        OrgView read = AvroSerdes.orgView().decode(v1Record);

        assertThat(read.getPrompts()).singleElement().satisfies(p -> {
            assertThat(p.getTemplate()).isEqualTo("Review {{code}}");
            assertThat(p.getMessages()).isEmpty();
        });
    }

    private static void assertLatest(String name, Schema current, int version) {
        List<Schema> released = ReleasedSchemas.of(name);
        assertThat(released).as(name + " releases").hasSize(version);
        assertThat(SchemaNormalization.parsingFingerprint64(released.get(version - 1)))
                .as(name + ": the current schema differs from v" + version + "; release it as v" + (version + 1))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(current));
    }

    static OrgView chatView() {
        ViewPrompt draft = ViewPrompt.newBuilder().setName("draft").setTitle(null).setDescription(null).setTemplate("")
                .setArguments(List.of())
                .setMessages(List.of(
                        new PromptMessage(MessageRole.USER, MessageContentKind.TEXT, "Reply to {{m}}", null),
                        new PromptMessage(MessageRole.USER, MessageContentKind.RESOURCE, null, "policy://support"),
                        new PromptMessage(MessageRole.ASSISTANT, MessageContentKind.RESOURCE_LINK, null, "policy://support")))
                .setDefaultVersion(1L).setOverrideVersion(null).setContentHash("").build();
        draft.setContentHash(ContentHash.of(draft));
        ViewPrompt review = ViewPrompt.newBuilder().setName("review").setTitle(null).setDescription(null)
                .setTemplate("Review {{code}}").setArguments(List.of()).setDefaultVersion(1L).setOverrideVersion(null)
                .setContentHash("").build();
        review.setContentHash(ContentHash.of(review));
        ViewResource policy = ViewResource.newBuilder().setUri("policy://support").setName("support").setTitle(null)
                .setDescription(null).setMimeType("text/markdown").setText("Be kind.").setBlob(null)
                .setDefaultVersion(1L).setOverrideVersion(null).setContentHash("").build();
        policy.setContentHash(ContentHash.of(policy));
        return OrgView.newBuilder().setOrgId("acme").setActive(true).setRevision(42).setUpdatedAt(Instant.EPOCH)
                .setPrompts(List.of(draft, review)).setResources(List.of(policy)).build();
    }

    private static byte[] datum(OrgView view) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(OrgView.class).write(view, encoder);
        encoder.flush();
        return out.toByteArray();
    }

}
