package io.mcpconfig.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.avro.ItemKind;
import io.mcpconfig.schemas.avro.MessageContentKind;
import io.mcpconfig.schemas.avro.MessageRole;
import io.mcpconfig.schemas.avro.OmittedItem;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.PromptArgument;
import io.mcpconfig.schemas.avro.PromptMessage;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The memoizing view writer must write exactly the bytes of the plain serde, whatever it has seen before. */
class OrgViewSerializerTest {
    private final OrgViewSerializer serializer = new OrgViewSerializer();
    private final Random random = new Random(42);

    @Test
    void writesTheSerdesBytesForViewsThatShareItems() {
        List<ViewPrompt> shared = new ArrayList<>();
        List<ViewResource> sharedResources = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            shared.add(prompt("p" + i));
            sharedResources.add(resource("r" + i));
        }
        for (int v = 0; v < 300; v++) {
            List<ViewPrompt> prompts = new ArrayList<>();
            for (ViewPrompt p : shared) {
                prompts.add(random.nextInt(10) == 0 ? prompt(p.getName()) : p); // now and then an override
            }
            List<ViewResource> resources = new ArrayList<>(sharedResources.subList(0, random.nextInt(20)));
            assertSameBytes(view("org" + v, prompts, resources, omitted()));
        }
    }

    @Test
    void writesTheSerdesBytesForEmptyViewsAndTombstones() {
        assertSameBytes(view("empty", List.of(), List.of(), List.of()));
        assertSameBytes(new OrgView("off", false, 3L, Instant.ofEpochMilli(1), List.of(), List.of(), List.of()));
        assertThat(serializer.serialize("t", null)).isNull();
    }

    @Test
    void staysExactAfterItsMemoStartsOver() {
        ViewPrompt kept = prompt("kept");
        for (int v = 0; v < OrgViewSerializer.MAX_ITEMS + 100; v++) {
            assertSameBytes(view("o" + v, List.of(kept, prompt("fresh" + v)), List.of(), List.of()));
        }
    }

    @Test
    void keepsItsMemoWithinItsByteBoundWhenItemsAreLarge() {
        String large = "x".repeat(600_000); // resources may be up to 1 MiB: 4,096 of them must not be kept
        for (int v = 0; v < 60; v++) {
            ViewResource r = new ViewResource("file:///big" + v, "big", null, null, "text/plain", large + v, null, null,
                    null, "h" + v);
            assertSameBytes(view("o" + v, List.of(), List.of(r), List.of()));
            assertThat(serializer.memoBytes()).isLessThanOrEqualTo(OrgViewSerializer.MAX_BYTES);
        }
        ViewResource huge = new ViewResource("file:///huge", "huge", null, null, "text/plain",
                "y".repeat(OrgViewSerializer.MAX_BYTES / 2 + 1), null, null, null, "h");
        long before = serializer.memoBytes();
        assertSameBytes(view("h", List.of(), List.of(huge), List.of()));
        assertThat(serializer.memoBytes()).as("an item over half the bound is not kept").isEqualTo(before);
    }

    @Test
    void readsBackAsTheSameView() {
        OrgView view = view("acme", List.of(prompt("a"), prompt("b")), List.of(resource("c")), omitted());
        assertThat(AvroSerdes.orgView().decode(serializer.serialize("t", view))).isEqualTo(view);
    }

    private void assertSameBytes(OrgView view) {
        assertThat(serializer.serialize("t", view)).isEqualTo(AvroSerdes.orgView().serialize("t", view));
    }

    private OrgView view(String org, List<ViewPrompt> prompts, List<ViewResource> resources, List<OmittedItem> omitted) {
        return new OrgView(org, true, random.nextLong() & Long.MAX_VALUE, Instant.ofEpochMilli(random.nextInt(1 << 30)),
                prompts, resources, omitted);
    }

    private List<OmittedItem> omitted() {
        return random.nextBoolean() ? List.of() : List.of(new OmittedItem(ItemKind.PROMPT, "half", "no template"));
    }

    private ViewPrompt prompt(String name) {
        boolean chat = random.nextInt(4) == 0;
        List<PromptMessage> messages = chat
                ? List.of(new PromptMessage(MessageRole.USER, MessageContentKind.TEXT, "hi {{x}} ü", null),
                        new PromptMessage(MessageRole.ASSISTANT, MessageContentKind.RESOURCE_LINK, null, "file:///r"))
                : List.of();
        return new ViewPrompt(name, random.nextBoolean() ? null : "Title " + name, maybe("desc ✓ " + random.nextInt()),
                chat ? "" : "Template {{x}} " + random.nextInt(), List.of(new PromptArgument("x", maybe("an x"),
                        random.nextBoolean(), List.of("a", "b"))), messages, maybeLong(), maybeLong(), Long.toHexString(random.nextLong()));
    }

    private ViewResource resource(String uri) {
        boolean blob = random.nextBoolean();
        return new ViewResource("file:///" + uri, uri, maybe("T"), maybe("D"), blob ? "application/octet-stream" : "text/plain",
                blob ? null : "text " + random.nextInt(), blob ? ByteBuffer.wrap(new byte[] {1, 2, 3}) : null, maybeLong(),
                maybeLong(), Long.toHexString(random.nextLong()));
    }

    private String maybe(String s) {
        return random.nextBoolean() ? s : null;
    }

    private Long maybeLong() {
        return random.nextBoolean() ? (long) random.nextInt(100) : null;
    }
}
