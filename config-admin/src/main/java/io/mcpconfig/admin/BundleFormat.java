package io.mcpconfig.admin;

/**
 * Reads and writes bundles: YAML (the default) or JSON, with the same structure (see README, "Bundle
 * format"). Writing is deterministic: the same bundle gives the same bytes.
 */
public final class BundleFormat {
    private BundleFormat() {}

    public static String toYaml(Bundle bundle) {
        return BundleCodec.write(bundle, false);
    }

    public static String toJson(Bundle bundle) {
        return BundleCodec.write(bundle, true);
    }

    /**
     * Parses a YAML or JSON bundle (JSON is YAML).
     *
     * @throws ValidationException naming the place (e.g. {@code orgs[1].prompts[0].template}) and the reason
     */
    public static Bundle parse(String text) {
        return BundleCodec.read(text);
    }
}
