package io.mcpconfig.materializer;

import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import java.util.Map;
import java.util.TreeMap;

/** Short readings of a view for assertions. */
final class ViewAsserts {
    private ViewAsserts() {}

    /** Prompt name -> template. */
    static Map<String, String> prompts(OrgView v) {
        Map<String, String> m = new TreeMap<>();
        for (ViewPrompt p : v.getPrompts()) {
            m.put(p.getName(), p.getTemplate());
        }
        return m;
    }

    /** Resource URI -> text. */
    static Map<String, String> resources(OrgView v) {
        Map<String, String> m = new TreeMap<>();
        for (ViewResource r : v.getResources()) {
            m.put(r.getUri(), r.getText());
        }
        return m;
    }
}
