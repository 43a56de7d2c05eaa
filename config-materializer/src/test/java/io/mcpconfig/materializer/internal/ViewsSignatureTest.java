package io.mcpconfig.materializer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.avro.ItemKind;
import io.mcpconfig.schemas.avro.OmittedItem;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The signature is stored in scope-state: a new way of computing it must give the same bytes as the
 * one before it, or every view would be re-emitted once after an upgrade. {@link #formerSignature}
 * is the previous implementation, kept here as the reference.
 */
class ViewsSignatureTest {

    @Test
    void theSignatureIsTheSameBytesAsBefore() throws Exception {
        List<OrgView> views = List.of(
                view("acme", true, List.of(prompt("review", "0123456789abcdef0123456789abcdef"),
                        prompt("résumé ✓", "fedcba9876543210fedcba9876543210")),
                        List.of(resource("docs://guide", "00112233445566778899aabbccddeeff")),
                        List.of(new OmittedItem(ItemKind.PROMPT, "chat", "embeds a missing resource"),
                                new OmittedItem(ItemKind.RESOURCE, "docs://ünïcode", "no content"))),
                view("empty", true, List.of(), List.of(), List.of()),
                view("off", false, List.of(), List.of(), List.of()),
                view("big", true, java.util.stream.IntStream.range(0, 200)
                        .mapToObj(i -> prompt("prompt_" + i + "_" + "n".repeat(40), "h".repeat(32))).toList(),
                        List.of(), List.of()));
        for (OrgView v : views) {
            assertThat(Views.signature(v)).as(v.getOrgId()).isEqualTo(formerSignature(v)).hasSize(16);
            assertThat(Views.signature(v)).as("repeatable").isEqualTo(formerSignature(v));
        }
        assertThat(Views.signature(views.get(1))).isNotEqualTo(Views.signature(views.get(2)));
    }

    private static byte[] formerSignature(OrgView view) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        update(md, view.getActive() ? "active" : "inactive");
        for (ViewPrompt p : view.getPrompts()) {
            update(md, "P" + p.getName());
            update(md, p.getContentHash());
        }
        for (ViewResource r : view.getResources()) {
            update(md, "R" + r.getUri());
            update(md, r.getContentHash());
        }
        for (OmittedItem o : view.getOmitted()) {
            update(md, "O" + o.getKind() + o.getKey());
        }
        byte[] sig = new byte[16];
        System.arraycopy(md.digest(), 0, sig, 0, sig.length);
        return sig;
    }

    private static void update(MessageDigest md, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) (bytes.length >>> 24));
        md.update((byte) (bytes.length >>> 16));
        md.update((byte) (bytes.length >>> 8));
        md.update((byte) bytes.length);
        md.update(bytes);
    }

    private static OrgView view(String org, boolean active, List<ViewPrompt> prompts, List<ViewResource> resources,
                                List<OmittedItem> omitted) {
        return OrgView.newBuilder().setOrgId(org).setActive(active).setRevision(1).setUpdatedAt(Instant.EPOCH)
                .setPrompts(prompts).setResources(resources).setOmitted(omitted).build();
    }

    private static ViewPrompt prompt(String name, String hash) {
        return ViewPrompt.newBuilder().setName(name).setTitle(null).setDescription(null).setTemplate("t")
                .setArguments(List.of()).setMessages(List.of()).setDefaultVersion(1L).setOverrideVersion(null)
                .setContentHash(hash).build();
    }

    private static ViewResource resource(String uri, String hash) {
        return ViewResource.newBuilder().setUri(uri).setName(uri).setTitle(null).setDescription(null)
                .setMimeType("text/plain").setText("x").setBlob(null).setDefaultVersion(1L).setOverrideVersion(null)
                .setContentHash(hash).build();
    }
}
