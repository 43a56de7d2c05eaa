package io.mcpconfig.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpconfig.admin.Item;
import io.mcpconfig.admin.Kind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prompts set} and {@code resources set}: fields as flags, {@code @file} for content. */
final class SetCommands {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SetCommands() {}

    /** What both kinds' {@code set} share. */
    abstract static class SetBase implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Mixin ItemCommands.ScopeOption scope;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "KEY", description = "Prompt name or resource URI.") String key;
        @Option(names = "--title", paramLabel = "TEXT") String title;
        @Option(names = "--description", paramLabel = "TEXT|@FILE") String description;
        @Option(names = "--active", paramLabel = "true|false", description = "Serve the item or not.") String active;
        @Option(names = "--if-version", paramLabel = "N", description = "Fail with a conflict unless the row is at version N (0: must not exist yet).")
        Long ifVersion;

        abstract Kind kind();

        abstract void fields(Map<String, JsonNode> fields);

        @Override
        public Integer call() {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            if (title != null) {
                fields.put("title", TextNode.valueOf(title));
            }
            if (description != null) {
                fields.put("description", TextNode.valueOf(Values.text("--description", description)));
            }
            fields(fields);
            if (active != null) {
                fields.put("active", BooleanNode.valueOf(Values.bool("--active", active)));
            }
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("name at least one field to set (see --help)");
            }
            Item item = common.admin().items(kind()).set(common.actor(), scope.scope(), key, fields, ifVersion);
            ItemCommands.print(spec.commandLine().getOut(), item);
            return ExitCodes.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set prompt fields (absent ones keep their value, or keep inheriting); creates the row if needed.")
    static final class SetPrompt extends SetBase {
        @Option(names = "--template", paramLabel = "TEXT|@FILE", description = "Mustache template, checked against the arguments.") String template;
        @Option(names = "--arguments", paramLabel = "JSON|@FILE", description = "JSON array of {name, description, required, values}.") String arguments;
        @Option(names = "--messages", paramLabel = "JSON|@FILE", description = "A chat prompt's messages: JSON array of {role, content: {type, text|uri}} (replaces the template).") String messages;

        @Override
        Kind kind() {
            return Kind.PROMPT;
        }

        @Override
        void fields(Map<String, JsonNode> fields) {
            if (template != null) {
                fields.put("template", TextNode.valueOf(Values.text("--template", template)));
            }
            if (arguments != null) {
                fields.put("arguments", json("--arguments", arguments));
            }
            if (messages != null) {
                fields.put("messages", json("--messages", messages));
            }
        }
    }

    private static JsonNode json(String option, String value) {
        String json = Values.text(option, value);
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(option + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set resource fields (absent ones keep their value, or keep inheriting); creates the row if needed.")
    static final class SetResource extends SetBase {
        @Option(names = "--name", paramLabel = "TEXT") String name;
        @Option(names = "--mime-type", paramLabel = "TYPE/SUBTYPE") String mimeType;
        @Option(names = "--text", paramLabel = "TEXT|@FILE", description = "Text content (replaces a blob).") String text;
        @Option(names = "--blob", paramLabel = "BASE64|@FILE", description = "Binary content (replaces text).") String blob;

        @Override
        Kind kind() {
            return Kind.RESOURCE;
        }

        @Override
        void fields(Map<String, JsonNode> fields) {
            if (text != null && blob != null) {
                throw new IllegalArgumentException("--text and --blob: a resource has one content; pass one of them");
            }
            if (name != null) {
                fields.put("name", TextNode.valueOf(name));
            }
            if (mimeType != null) {
                fields.put("mimeType", TextNode.valueOf(mimeType));
            }
            if (text != null) {
                fields.put("text", TextNode.valueOf(Values.text("--text", text)));
            }
            if (blob != null) {
                fields.put("blob", TextNode.valueOf(Values.base64("--blob", blob)));
            }
        }
    }
}
