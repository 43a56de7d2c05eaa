// The official TypeScript SDK checking authorization metadata, completions, sorted lists and
// eviction, for TypeScriptFeaturesIT.
// Usage: node features.mjs <endpoint> <good token> <token for another audience> <token of another issuer>
//   -> {"step":"ready",...}, {"step":"closed"}  <- "evicted" (the test saw the org's endpoint closed)
//   -> {"step":"done",...}
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import readline from "node:readline";

const [endpoint, good, otherAudience, otherIssuer] = process.argv.slice(2);
const say = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function connect(token) {
  const client = new Client({ name: "ts-sdk-features", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(endpoint), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  client.sessionId = transport.sessionId;
  return client;
}

const refused = async (token) => {
  try {
    await connect(token);
    return "accepted";
  } catch (e) {
    return String(e.message ?? e);
  }
};

async function main() {
  const anonymous = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
  });
  const challenge = anonymous.headers.get("www-authenticate") ?? "";
  const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)?.[1];
  // The configured resource names a host that does not exist in the test: same path, this server.
  const metadata = metadataUrl ? await (await fetch(new URL(new URL(metadataUrl).pathname, endpoint))).json() : null;

  const client = await connect(good);
  const prompts = (await client.listPrompts()).prompts.map((p) => p.name);
  const resources = (await client.listResources()).resources;
  const completion = await client.complete({
    ref: { type: "ref/prompt", name: "reply" },
    argument: { name: "tone", value: "f" },
  });
  say({
    step: "ready",
    status: anonymous.status,
    challenge,
    metadataUrl,
    metadata,
    otherAudience: await refused(otherAudience),
    otherIssuer: await refused(otherIssuer),
    prompts,
    resources: resources.map((r) => r.uri),
    sizes: resources.map((r) => r.size),
    lastModified: resources[0]?.annotations?.lastModified,
    completion: completion.completion,
  });

  // Closing ends the notification stream but not the session (no DELETE): the org goes idle with
  // a session the server still holds, until it evicts the org.
  const oldSessionId = client.sessionId;
  await client.close();
  say({ step: "closed" });

  const { value } = await lines.next();
  if (value?.trim() !== "evicted") throw new Error(`expected 'evicted', got '${value}'`);
  const oldSession = (await fetch(endpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      Authorization: `Bearer ${good}`,
      "Mcp-Session-Id": oldSessionId,
      "Mcp-Protocol-Version": "2025-11-25",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 7, method: "prompts/list" }),
  })).status;
  const again = await connect(good);
  say({ step: "done", oldSession, prompts: (await again.listPrompts()).prompts.map((p) => p.name) });
  await again.close();
  process.exit(0);
}

main().catch((e) => {
  say({ step: "error", message: String(e?.stack ?? e) });
  process.exit(1);
});
