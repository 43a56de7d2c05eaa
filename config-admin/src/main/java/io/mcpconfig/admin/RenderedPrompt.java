package io.mcpconfig.admin;

/**
 * What an org's MCP clients get from prompts/get for the given arguments.
 *
 * @param description the prompt's effective description (the result's description), may be null
 * @param text        the rendered template (the one user message)
 */
public record RenderedPrompt(String org, String prompt, String description, String text) {}
