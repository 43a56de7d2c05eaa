package io.mcpconfig.schemas.merge;

import io.mcpconfig.schemas.avro.PromptArgument;
import io.mcpconfig.schemas.avro.PromptMessage;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hash of what a client serves for an item (not of where it came from: versions are left out),
 * so "did this org's view change?" is a string comparison. SHA-256, first 128 bits, hex. A chat
 * prompt's hash covers its messages (the URIs it embeds, not their content: the resource's own hash
 * changes when that does).
 */
public final class ContentHash {
    private static final HexFormat HEX = HexFormat.of();

    private ContentHash() {}

    public static String of(ViewPrompt p) {
        MessageDigest md = sha256();
        field(md, "prompt");
        field(md, p.getName());
        field(md, p.getTitle());
        field(md, p.getDescription());
        field(md, p.getTemplate());
        for (PromptArgument a : p.getArguments()) {
            field(md, a.getName());
            field(md, a.getDescription());
            field(md, a.getRequired() ? "1" : "0");
            // Only when present, so prompts without suggestions keep the hashes they had. "#values"
            // can't be the next argument's name (names start with a letter or _): no ambiguity.
            if (!a.getValues().isEmpty()) {
                field(md, "#values");
                field(md, Integer.toString(a.getValues().size()));
                a.getValues().forEach(v -> field(md, v));
            }
        }
        // Only chat prompts hash their messages, so a template prompt keeps the hash it had before
        // messages existed (no view re-emitted for nothing). Marker byte 2 never starts a field.
        if (!p.getMessages().isEmpty()) {
            md.update((byte) 2);
            for (PromptMessage m : p.getMessages()) {
                field(md, m.getRole().name());
                field(md, m.getKind().name());
                field(md, m.getText());
                field(md, m.getUri());
            }
        }
        return HEX.formatHex(md.digest(), 0, 16);
    }

    public static String of(ViewResource r) {
        MessageDigest md = sha256();
        field(md, "resource");
        field(md, r.getUri());
        field(md, r.getName());
        field(md, r.getTitle());
        field(md, r.getDescription());
        field(md, r.getMimeType());
        field(md, r.getText());
        ByteBuffer blob = r.getBlob();
        if (blob == null) {
            md.update((byte) 0);
        } else {
            md.update((byte) 1);
            md.update(blob.duplicate());
        }
        return HEX.formatHex(md.digest(), 0, 16);
    }

    /** Length-prefixed, with null distinct from empty, so no two field lists hash alike by concatenation. */
    private static void field(MessageDigest md, String value) {
        if (value == null) {
            md.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        md.update((byte) 1);
        md.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        md.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
