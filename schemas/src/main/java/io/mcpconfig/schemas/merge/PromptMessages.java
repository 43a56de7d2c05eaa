package io.mcpconfig.schemas.merge;

import io.mcpconfig.schemas.avro.MessageContentKind;
import io.mcpconfig.schemas.avro.PromptMessage;
import java.util.List;
import java.util.Set;

/**
 * Whether a chat prompt's messages can be served in a view: each message is well formed (the
 * database checks that too, but rows may come from anywhere) and every resource they embed or link
 * is one the same view serves, so {@code prompts/get} never meets a missing resource.
 */
final class PromptMessages {
    private PromptMessages() {}

    /** Why the messages can't be served (a phrase after the prompt's name), or null when they can. */
    static String problem(List<PromptMessage> messages, Set<String> servedUris) {
        for (int i = 0; i < messages.size(); i++) {
            PromptMessage m = messages.get(i);
            String at = "message " + (i + 1);
            if (m.getKind() == MessageContentKind.TEXT) {
                if (m.getText() == null) {
                    return at + " is text without text";
                }
                continue;
            }
            String what = m.getKind() == MessageContentKind.RESOURCE ? "embeds" : "links";
            if (m.getUri() == null) {
                return at + " " + what + " a resource without a URI";
            }
            if (!servedUris.contains(m.getUri())) {
                return what + " resource '" + m.getUri() + "' (" + at
                        + "), which this organization does not serve (absent, inactive or incomplete)";
            }
        }
        return null;
    }
}
