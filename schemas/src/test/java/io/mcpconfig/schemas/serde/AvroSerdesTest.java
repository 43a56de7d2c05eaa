package io.mcpconfig.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.ConfigTable;
import io.mcpconfig.schemas.avro.ItemKind;
import io.mcpconfig.schemas.avro.OmittedItem;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptArgument;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdesTest {
    private static final Instant T = Instant.parse("2026-11-24T10:15:30.123Z");

    static Stream<ChangeEvent> changeEvents() {
        OrganizationRow org = new OrganizationRow("acme", "Acme", true, 3L, T, "alice");
        PromptRow prompt = new PromptRow("acme", "review", "Review", null, "t {{code}}",
                List.of(new PromptArgument("code", "the code", true, List.of())), null, null, 4L, T, "bob");
        PromptRow inheritingPrompt = new PromptRow("acme", "review", null, null, null, null, null, false, 5L, T, "bob");
        ResourceRow text = new ResourceRow(null, "config://a", "a", "A", "d", "text/plain", "x".repeat(100_000), null, true, 1L, T, "c");
        ResourceRow blob = new ResourceRow("acme", "config://b", null, null, null, null, null,
                ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 255}), null, 2L, T, null);
        return Stream.of(
                event("acme", ChangeOp.INSERT, ConfigTable.ORGANIZATION, "acme", null, org),
                event("acme", ChangeOp.UPDATE, ConfigTable.ORGANIZATION_PROMPT, "review", prompt, inheritingPrompt),
                event("_defaults", ChangeOp.SNAPSHOT, ConfigTable.DEFAULT_RESOURCE, "config://a", null, text),
                event("acme", ChangeOp.DELETE, ConfigTable.ORGANIZATION_RESOURCE, "config://b", blob, null),
                ChangeEvent.newBuilder().setScope("acme").setOp(ChangeOp.COMMIT).setTxId("tx-9").setCommitLsn(99L)
                        .setCommitTime(T).setEventCount(3).build());
    }

    private static ChangeEvent event(String scope, ChangeOp op, ConfigTable table, String key, Object before, Object after) {
        return ChangeEvent.newBuilder().setScope(scope).setOp(op).setTable(table).setRowKey(key)
                .setBefore(before).setAfter(after).setVersion(7L).setActor("alice").setTxId("tx-1")
                .setCommitLsn(1234L).setCommitTime(T).setSeq(2).build();
    }

    @ParameterizedTest
    @MethodSource("changeEvents")
    void changeEventRoundTrips(ChangeEvent event) {
        byte[] bytes = AvroSerdes.changeEvent().serialize("t", event);
        assertThat(bytes[0]).as("single-object encoding marker").isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(AvroSerdes.changeEvent().deserialize("t", bytes)).isEqualTo(event);
    }

    @Test
    void orgViewRoundTrips() {
        OrgView view = OrgView.newBuilder().setOrgId("acme").setActive(true).setRevision(77L).setUpdatedAt(T)
                .setPrompts(List.of(new ViewPrompt("p", "P", null, "t", List.of(), List.of(), 1L, null, "h1")))
                .setResources(List.of(new ViewResource("config://b", "b", null, null, "image/png", null,
                        ByteBuffer.wrap(new byte[] {9, 8}), null, 2L, "h2")))
                .setOmitted(List.of(new OmittedItem(ItemKind.PROMPT, "x", "no template")))
                .build();
        assertThat(AvroSerdes.orgView().deserialize("t", AvroSerdes.orgView().serialize("t", view))).isEqualTo(view);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(AvroSerdes.orgView().serialize("t", null)).isNull();
        assertThat(AvroSerdes.orgView().deserialize("t", null)).isNull();
    }

    @Test
    void bytesOfAnotherSchemaAreRejectedWithTheTopicNamed() {
        byte[] changeBytes = AvroSerdes.changeEvent().serialize("t", changeEvents().findFirst().orElseThrow());
        assertThatThrownBy(() -> AvroSerdes.orgView().deserialize("views-topic", changeBytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("views-topic");
        assertThatThrownBy(() -> AvroSerdes.orgView().deserialize("views-topic", new byte[] {1, 2, 3}))
                .isInstanceOf(SerializationException.class);
    }
}
