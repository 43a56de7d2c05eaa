package io.mcpconfig.admin;

/**
 * What an org's MCP clients get from prompts/get for the given arguments.
 *
 * @param description the prompt's effective description (the result's description), may be null
 * @param text        the rendered template (the one user message); for a chat prompt, each message as
 *                    "role: text" (an embedded or linked resource as "[resource URI]"), separated by blank lines
 */
public record RenderedPrompt(String org, String prompt, String description, String text) {}
