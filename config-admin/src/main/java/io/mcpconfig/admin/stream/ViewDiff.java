package io.mcpconfig.admin.stream;

import io.mcpconfig.schemas.avro.OmittedItem;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares views by what a client serves: the active flag, each item by key and content hash,
 * and what was omitted. Revision, time and row versions are not compared: a rebuild applies the
 * same transactions but not necessarily in the live pipeline's interleaving of the defaults, so
 * the revision a view carries may differ while its content is the same. Pure.
 */
public final class ViewDiff {
    private ViewDiff() {}

    /** Differences of every scope present on either side (a missing view: expected or actual "absent"). */
    public static List<ViewDifference> compare(Map<String, OrgView> expected, Map<String, OrgView> actual) {
        List<ViewDifference> out = new ArrayList<>();
        TreeSet<String> scopes = new TreeSet<>(expected.keySet());
        scopes.addAll(actual.keySet());
        for (String scope : scopes) {
            out.addAll(compare(scope, expected.get(scope), actual.get(scope)));
        }
        return out;
    }

    /** Differences of one scope's two views; either may be null (no view). */
    public static List<ViewDifference> compare(String scope, OrgView expected, OrgView actual) {
        List<ViewDifference> out = new ArrayList<>();
        if (expected == null || actual == null) {
            if (expected != actual) {
                out.add(new ViewDifference(scope, "view", describe(expected), describe(actual)));
            }
            return out;
        }
        if (expected.getActive() != actual.getActive()) {
            out.add(new ViewDifference(scope, "view", expected.getActive() ? "active" : "inactive",
                    actual.getActive() ? "active" : "inactive"));
        }
        items(scope, "prompt", prompts(expected), prompts(actual), out);
        items(scope, "resource", resources(expected), resources(actual), out);
        items(scope, "omitted", omitted(expected), omitted(actual), out);
        return out;
    }

    private static void items(String scope, String kind, Map<String, String> expected, Map<String, String> actual,
                              List<ViewDifference> out) {
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            String e = expected.get(key);
            String a = actual.get(key);
            if (e == null || !e.equals(a)) {
                out.add(new ViewDifference(scope, kind + " '" + key + "'", e == null ? "absent" : e, a == null ? "absent" : a));
            }
        }
    }

    private static Map<String, String> prompts(OrgView v) {
        Map<String, String> m = new TreeMap<>();
        for (ViewPrompt p : v.getPrompts()) {
            m.put(p.getName(), "content " + shortHash(p.getContentHash()));
        }
        return m;
    }

    private static Map<String, String> resources(OrgView v) {
        Map<String, String> m = new TreeMap<>();
        for (ViewResource r : v.getResources()) {
            m.put(r.getUri(), "content " + shortHash(r.getContentHash()));
        }
        return m;
    }

    private static Map<String, String> omitted(OrgView v) {
        Map<String, String> m = new TreeMap<>();
        for (OmittedItem o : v.getOmitted()) {
            m.put(o.getKind() + " " + o.getKey(), "omitted");
        }
        return m;
    }

    private static String describe(OrgView v) {
        return v == null ? "absent" : "a view (" + v.getPrompts().size() + " prompts, " + v.getResources().size() + " resources)";
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
