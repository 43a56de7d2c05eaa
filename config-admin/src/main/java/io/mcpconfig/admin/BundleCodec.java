package io.mcpconfig.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.mcpconfig.admin.Bundle.BundleItem;
import io.mcpconfig.admin.Bundle.OrgSection;
import io.mcpconfig.admin.Bundle.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bundle <-> text. Writing sorts orgs and items by key and writes fields in {@link Kind#fields()}
 * order (deterministic bytes); reading refuses unknown keys and wrong types, collecting every problem
 * with the place it is at.
 */
final class BundleCodec {
    static final String FORMAT = "bundle/1";
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BundleCodec() {}

    static String write(Bundle bundle, boolean json) {
        ObjectNode root = NODES.objectNode();
        root.put("mcpconfig", FORMAT);
        root.put("coverage", bundle.coverage().name().toLowerCase(Locale.ROOT));
        if (bundle.defaults() != null) {
            root.set("defaults", section(bundle.defaults(), NODES.objectNode()));
        }
        if (bundle.coverage() != Bundle.Coverage.DEFAULTS) {
            ArrayNode orgs = root.putArray("orgs");
            bundle.orgs().stream().sorted(Comparator.comparing(OrgSection::id)).forEach(o -> {
                ObjectNode n = orgs.addObject();
                n.put("id", o.id());
                n.put("displayName", o.displayName());
                n.put("active", o.active());
                section(o.items(), n);
            });
        }
        try {
            String text = (json ? JSON : YAML).writeValueAsString(root);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bundle tree always serializes", e);
        }
    }

    static Bundle read(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ValidationException(List.of(new Problem(null, null, null, "bundle", line,
                    "is not YAML or JSON: " + e.getOriginalMessage())));
        }
        return new Reader().bundle(root);
    }

    private static ObjectNode section(Section section, ObjectNode into) {
        into.set("prompts", items(section.prompts()));
        into.set("resources", items(section.resources()));
        return into;
    }

    private static ArrayNode items(List<BundleItem> items) {
        ArrayNode array = NODES.arrayNode();
        items.stream().sorted(Comparator.comparing(BundleItem::key)).forEach(i -> {
            ObjectNode n = array.addObject();
            n.put(i.kind().keyName(), i.key());
            for (String f : i.kind().fields()) {
                JsonNode v = i.fields().get(f);
                if (v != null) {
                    n.set(f, v);
                }
            }
        });
        return array;
    }

    /** Reads a parsed tree, collecting problems instead of stopping at the first. */
    private static final class Reader {
        private final List<Problem> problems = new ArrayList<>();

        Bundle bundle(JsonNode root) {
            if (root == null || !root.isObject()) {
                fail(null, null, null, "bundle", "must be a mapping with keys mcpconfig, coverage, defaults, orgs");
                throw new ValidationException(problems);
            }
            keys(root, "bundle", Set.of("mcpconfig", "coverage", "defaults", "orgs"));
            if (!FORMAT.equals(root.path("mcpconfig").asText(null))) {
                fail(null, null, null, "mcpconfig", "must be '" + FORMAT + "' (the bundle format version)");
            }
            Bundle.Coverage coverage = Bundle.Coverage.ORGS;
            String c = root.path("coverage").asText("");
            try {
                coverage = Bundle.Coverage.valueOf(c.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fail(null, null, null, "coverage", "must be all, defaults or orgs, got '" + c + "'");
            }
            Section defaults = root.has("defaults") ? section(Scope.DEFAULTS, root.get("defaults"), "defaults") : null;
            List<OrgSection> orgs = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            JsonNode orgNodes = root.path("orgs");
            if (!orgNodes.isMissingNode() && !orgNodes.isArray()) {
                fail(null, null, null, "orgs", "must be a list");
            }
            int i = 0;
            for (JsonNode o : orgNodes.isArray() ? orgNodes : NODES.arrayNode()) {
                String path = "orgs[" + i++ + "]";
                if (!o.isObject() || !o.path("id").isTextual()) {
                    fail(null, null, null, path, "must be a mapping with a text 'id'");
                    continue;
                }
                String id = o.get("id").asText();
                Scope scope = Scope.org(id);
                keys(o, path, Set.of("id", "displayName", "active", "prompts", "resources"));
                if (!seen.add(id)) {
                    fail(scope, null, null, path, "org '" + id + "' appears twice");
                }
                JsonNode active = o.path("active");
                if (!active.isMissingNode() && !active.isBoolean()) {
                    fail(scope, null, null, "active", "must be true or false");
                }
                JsonNode name = o.path("displayName");
                if (!name.isMissingNode() && !name.isTextual()) {
                    fail(scope, null, null, "displayName", "must be text");
                }
                orgs.add(new OrgSection(id, name.isTextual() ? name.asText() : id, !active.isBoolean() || active.asBoolean(),
                        section(scope, o, path)));
            }
            if (coverage == Bundle.Coverage.DEFAULTS && !orgs.isEmpty()) {
                fail(null, null, null, "orgs", "a bundle of coverage 'defaults' holds no orgs");
            }
            if (coverage != Bundle.Coverage.ORGS && defaults == null) {
                fail(null, null, null, "defaults", "a bundle of coverage '" + c + "' must have a defaults section");
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            return new Bundle(coverage, defaults, orgs);
        }

        private Section section(Scope scope, JsonNode node, String path) {
            if (!node.isObject()) {
                fail(scope, null, null, path, "must be a mapping with prompts and resources");
                return new Section(List.of(), List.of());
            }
            if (scope.isDefaults()) {
                keys(node, path, Set.of("prompts", "resources"));
            }
            return new Section(items(scope, Kind.PROMPT, node.path("prompts"), path + ".prompts"),
                    items(scope, Kind.RESOURCE, node.path("resources"), path + ".resources"));
        }

        private List<BundleItem> items(Scope scope, Kind kind, JsonNode array, String path) {
            List<BundleItem> items = new ArrayList<>();
            if (array.isMissingNode() || array.isNull()) {
                return items;
            }
            if (!array.isArray()) {
                fail(scope, null, null, path, "must be a list");
                return items;
            }
            Set<String> seen = new HashSet<>();
            int i = 0;
            for (JsonNode n : array) {
                String where = path + "[" + i++ + "]";
                if (!n.isObject() || !n.path(kind.keyName()).isTextual()) {
                    fail(scope, kind, null, where, "must be a mapping with a text '" + kind.keyName() + "'");
                    continue;
                }
                String key = n.get(kind.keyName()).asText();
                if (!seen.add(key)) {
                    fail(scope, kind, key, where, kind.label() + " '" + key + "' appears twice");
                }
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().equals(kind.keyName())) {
                        continue;
                    }
                    try {
                        JsonNode v = Fields.canonical(scope, kind, key, e.getKey(), e.getValue());
                        if (v != null) {
                            fields.put(e.getKey(), v);
                        }
                    } catch (ValidationException v) {
                        problems.addAll(v.problems());
                    }
                }
                items.add(new BundleItem(kind, key, fields));
            }
            return items;
        }

        private void keys(JsonNode node, String path, Set<String> allowed) {
            node.fieldNames().forEachRemaining(k -> {
                if (!allowed.contains(k)) {
                    fail(null, null, null, path, "has unknown key '" + k + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
                }
            });
        }

        private void fail(Scope scope, Kind kind, String key, String field, String reason) {
            problems.add(new Problem(scope, kind, key, field, 0, reason));
        }
    }
}
