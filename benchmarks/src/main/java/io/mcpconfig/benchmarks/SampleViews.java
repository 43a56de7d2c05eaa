package io.mcpconfig.benchmarks;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.PromptArgument;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import io.mcpconfig.schemas.merge.ContentHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Views shaped like production ones: {@value #PROMPTS} default prompts and {@value #RESOURCES}
 * default resources of about half a KiB each, which every org inherits, plus one prompt each org
 * overrides.
 */
final class SampleViews {
    static final int PROMPTS = 20;
    static final int RESOURCES = 5;
    private static final String FILLER = "Answer precisely, cite the sources you used, and say so when unsure. ".repeat(7);

    private SampleViews() {}

    static String orgId(int i) {
        return "org-" + i;
    }

    static String promptName(int i) {
        return "prompt-" + i;
    }

    static OrgView defaults() {
        return view(Scopes.DEFAULTS, 1, -1);
    }

    /** Org {@code i}'s view: the defaults with prompt {@code i % PROMPTS} overridden. */
    static OrgView org(int i, long revision) {
        return view(orgId(i), revision, i % PROMPTS);
    }

    private static OrgView view(String orgId, long revision, int overridden) {
        List<ViewPrompt> prompts = new ArrayList<>();
        for (int p = 0; p < PROMPTS; p++) {
            boolean own = p == overridden;
            ViewPrompt vp = ViewPrompt.newBuilder().setName(promptName(p)).setTitle("Prompt " + p).setDescription(null)
                    .setTemplate((own ? orgId + " says: " : "") + "Prompt " + p + " about {{topic}}. " + FILLER)
                    .setArguments(List.of(PromptArgument.newBuilder().setName("topic").setDescription(null)
                            .setRequired(true).build()))
                    .setDefaultVersion(1L).setOverrideVersion(own ? revision : null).setContentHash("").build();
            vp.setContentHash(ContentHash.of(vp));
            prompts.add(vp);
        }
        List<ViewResource> resources = new ArrayList<>();
        for (int r = 0; r < RESOURCES; r++) {
            ViewResource vr = ViewResource.newBuilder().setUri("file:///docs/" + r).setName("doc " + r).setTitle(null)
                    .setDescription(null).setMimeType("text/markdown").setText("# Doc " + r + "\n" + FILLER)
                    .setBlob(null).setDefaultVersion(1L).setOverrideVersion(null).setContentHash("").build();
            vr.setContentHash(ContentHash.of(vr));
            resources.add(vr);
        }
        return OrgView.newBuilder().setOrgId(orgId).setActive(true).setRevision(revision)
                .setUpdatedAt(Instant.now()).setPrompts(prompts).setResources(resources).setOmitted(List.of()).build();
    }
}
