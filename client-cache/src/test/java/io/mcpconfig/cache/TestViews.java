package io.mcpconfig.cache;

import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.PromptArgument;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import io.mcpconfig.schemas.merge.ContentHash;
import io.mcpconfig.schemas.serde.AvroSerdes;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/** View records as the materializer writes them, built with the real schema, hash and serde. */
public final class TestViews {
    private TestViews() {}

    public static ViewPrompt prompt(String name, String template, Long defaultVersion, Long overrideVersion) {
        ViewPrompt p = ViewPrompt.newBuilder().setName(name).setTitle("Title of " + name).setDescription(null)
                .setTemplate(template)
                .setArguments(List.of(PromptArgument.newBuilder().setName("topic").setDescription("what about")
                        .setRequired(true).build()))
                .setDefaultVersion(defaultVersion).setOverrideVersion(overrideVersion).setContentHash("").build();
        p.setContentHash(ContentHash.of(p));
        return p;
    }

    public static ViewResource textResource(String uri, String text, Long defaultVersion, Long overrideVersion) {
        ViewResource r = ViewResource.newBuilder().setUri(uri).setName(uri.substring(uri.lastIndexOf('/') + 1))
                .setTitle(null).setDescription("about " + uri).setMimeType("text/plain").setText(text).setBlob(null)
                .setDefaultVersion(defaultVersion).setOverrideVersion(overrideVersion).setContentHash("").build();
        r.setContentHash(ContentHash.of(r));
        return r;
    }

    public static ViewResource blobResource(String uri, byte[] blob) {
        ViewResource r = ViewResource.newBuilder().setUri(uri).setName("blob").setTitle("A blob").setDescription(null)
                .setMimeType("application/octet-stream").setText(null).setBlob(ByteBuffer.wrap(blob))
                .setDefaultVersion(1L).setOverrideVersion(null).setContentHash("").build();
        r.setContentHash(ContentHash.of(r));
        return r;
    }

    public static OrgView view(String org, long revision, boolean active, List<ViewPrompt> prompts,
                               List<ViewResource> resources) {
        return OrgView.newBuilder().setOrgId(org).setActive(active).setRevision(revision)
                .setUpdatedAt(Instant.ofEpochMilli(1_700_000_000_000L + revision)).setPrompts(prompts)
                .setResources(resources).setOmitted(List.of()).build();
    }

    public static byte[] bytes(OrgView view) {
        return AvroSerdes.orgView().serialize("views", view);
    }

    /** The defaults every test org inherits: two prompts and one resource. */
    public static OrgView defaults(long revision) {
        return view("_defaults", revision, true,
                List.of(prompt("greet", "Hello {{topic}}", 1L, null), prompt("summarize", "Summarize {{topic}}", 1L, null)),
                List.of(textResource("file:///docs/guide", "the guide", 1L, null)));
    }

    /** An org that overrides {@code greet} and inherits the rest of {@link #defaults}. */
    public static OrgView org(String org, long revision, String greeting) {
        return view(org, revision, true,
                List.of(prompt("greet", greeting, 1L, revision), prompt("summarize", "Summarize {{topic}}", 1L, null)),
                List.of(textResource("file:///docs/guide", "the guide", 1L, null)));
    }
}
