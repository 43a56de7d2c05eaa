package io.mcpconfig.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bundle: config as a file (YAML or JSON), for review, backup and moving between environments.
 * Content only (no versions, times or actors), items sorted by key and fields in {@link Kind#fields()}
 * order, so export -> import -> export is byte-identical. The format is documented in the README
 * ("Bundle format"); {@link BundleFormat} reads and writes it.
 *
 * @param coverage what the bundle speaks for, which decides what {@code --prune} may delete
 * @param defaults the default items, or null when the bundle does not cover the defaults
 * @param orgs     organizations with their overrides and org-only items, by id
 */
public record Bundle(Coverage coverage, Section defaults, List<OrgSection> orgs) {
    public enum Coverage {
        /** Every org and the defaults: prune also removes orgs the bundle does not name. */
        ALL,
        /** The defaults only. */
        DEFAULTS,
        /** The orgs it names (and nothing else). */
        ORGS
    }

    public Bundle {
        Objects.requireNonNull(coverage, "coverage");
        orgs = List.copyOf(orgs);
    }

    /** Prompts and resources of one scope. */
    public record Section(List<BundleItem> prompts, List<BundleItem> resources) {
        public Section {
            prompts = List.copyOf(prompts);
            resources = List.copyOf(resources);
        }
    }

    /** An org: its own fields and its rows (overrides name only the fields they set). */
    public record OrgSection(String id, String displayName, boolean active, Section items) {}

    /** One row: its key and the fields it sets (absent: not set, i.e. inherited for an override). */
    public record BundleItem(Kind kind, String key, Map<String, JsonNode> fields) {
        public BundleItem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(key, "key");
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }
    }
}
