package io.mcpconfig.admin;

import java.util.Map;

/** render: the merge rule over the org's rows, then the one renderer. */
final class Rendering {
    private Rendering() {}

    static RenderedPrompt render(Database db, String org, String prompt, Map<String, String> arguments) { throw new UnsupportedOperationException("next commit"); }
}
