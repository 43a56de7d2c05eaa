/**
 * The one prompt renderer: the MCP server, the CLI's {@code render}, the console's preview and the
 * control plane's validation all go through {@link io.mcpconfig.schemas.template.PromptTemplates}, so a
 * preview is exactly what a client gets (DESIGN.md, "Control plane").
 */
package io.mcpconfig.schemas.template;
