package io.mcpconfig.admin;

/** Bundle <-> YAML/JSON text. */
final class BundleCodec {
    private BundleCodec() {}

    static String write(Bundle bundle, boolean json) { throw new UnsupportedOperationException("next commit"); }
    static Bundle read(String text) { throw new UnsupportedOperationException("next commit"); }
}
