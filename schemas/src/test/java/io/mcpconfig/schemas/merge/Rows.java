package io.mcpconfig.schemas.merge;

import io.mcpconfig.schemas.avro.MessageContentKind;
import io.mcpconfig.schemas.avro.MessageRole;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptArgument;
import io.mcpconfig.schemas.avro.PromptMessage;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Small builders of config rows for tests. */
final class Rows {
    static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");

    private Rows() {}

    static OrganizationRow org(String id, boolean active) {
        return new OrganizationRow(id, id.toUpperCase(), active, 1L, T0, "test");
    }

    static PromptRow defaultPrompt(String name, String template, Boolean active, long version) {
        return new PromptRow(null, name, "title " + name, "description " + name, template,
                List.of(new PromptArgument("code", "the code", true, List.of())), null, active, version, T0, "test");
    }

    static PromptRow override(String org, String name, String template, Boolean active, long version) {
        return new PromptRow(org, name, null, null, template, null, null, active, version, T0, "test");
    }

    static PromptRow defaultChat(String name, List<PromptMessage> messages, long version) {
        return new PromptRow(null, name, "title " + name, "description " + name, null,
                List.of(new PromptArgument("code", "the code", true, List.of())), messages, true, version, T0, "test");
    }

    static PromptRow overrideChat(String org, String name, List<PromptMessage> messages, long version) {
        return new PromptRow(org, name, null, null, null, null, messages, null, version, T0, "test");
    }

    static PromptMessage text(MessageRole role, String text) {
        return new PromptMessage(role, MessageContentKind.TEXT, text, null);
    }

    static PromptMessage embed(String uri) {
        return new PromptMessage(MessageRole.USER, MessageContentKind.RESOURCE, null, uri);
    }

    static PromptMessage link(String uri) {
        return new PromptMessage(MessageRole.ASSISTANT, MessageContentKind.RESOURCE_LINK, null, uri);
    }

    static ResourceRow defaultText(String uri, String text, long version) {
        return new ResourceRow(null, uri, "name " + uri, null, null, "text/markdown", text, null, true, version, T0, "test");
    }

    static ResourceRow overrideResource(String org, String uri, String text, byte[] blob, Boolean active, long version) {
        return new ResourceRow(org, uri, null, null, null, null, text, blob == null ? null : ByteBuffer.wrap(blob),
                active, version, T0, "test");
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
