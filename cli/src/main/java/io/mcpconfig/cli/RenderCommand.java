package io.mcpconfig.cli;

import io.mcpconfig.admin.RenderedPrompt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcpconfig render PROMPT --org O --arg k=v}: exactly what the org's MCP clients get. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a prompt as the org's MCP clients get it from prompts/get (same merge rule, same renderer).")
final class RenderCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "PROMPT") String prompt;
    @Option(names = "--org", paramLabel = "ORG", description = "The org (default: the defaults, what an org without a view gets).")
    String org;
    @Option(names = "--arg", paramLabel = "NAME=VALUE", description = "An argument; VALUE may be @FILE. Repeat for more.")
    Map<String, String> args = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Map<String, String> values = new LinkedHashMap<>();
        args.forEach((k, v) -> values.put(k, Values.text("--arg " + k, v)));
        RenderedPrompt rendered = common.admin().render(org, prompt, values);
        spec.commandLine().getOut().println(rendered.text());
        return ExitCodes.OK;
    }
}
