// An independent MCP client (the official TypeScript SDK) for ChatPromptsIT, over the whole pipeline.
// Usage: node chat-client.mjs <endpoint> <token of acme> <token of globex>
// Talks to the Java test on stdout (one JSON object per line) and stdin (one word per line):
//   -> {"step":"ready",...}   <- "overridden"  (the test committed acme's own support policy)
//   -> {"step":"done",...}
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import readline from "node:readline";

const [endpoint, tokenA, tokenB] = process.argv.slice(2);
const PROMPT = "draft_customer_reply";
const POLICY = "policy://support";
const say = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const expectLine = async (word) => {
  const { value } = await lines.next();
  if (value?.trim() !== word) throw new Error(`expected '${word}' on stdin, got '${value}'`);
};

async function connect(token) {
  const client = new Client({ name: "ts-sdk-chat-check", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(endpoint), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  const seen = { promptsListChanged: 0, resourcesListChanged: 0, resourcesUpdated: [] };
  client.setNotificationHandler(PromptListChangedNotificationSchema, () => { seen.promptsListChanged++; });
  client.setNotificationHandler(ResourceListChangedNotificationSchema, () => { seen.resourcesListChanged++; });
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => { seen.resourcesUpdated.push(n.params.uri); });
  return { client, seen };
}

// Each message as "<role> <content type>", and the embedded policy's text.
const get = async (c) => {
  const result = await c.client.getPrompt({ name: PROMPT, arguments: { customer_message: "My order is late.", tone: "friendly" } });
  return {
    shape: result.messages.map((m) => `${m.role} ${m.content.type}`),
    texts: result.messages.filter((m) => m.content.type === "text").map((m) => m.content.text),
    embedded: result.messages.filter((m) => m.content.type === "resource").map((m) => `${m.content.resource.uri} ${m.content.resource.text}`),
  };
};
const listing = async (c) => JSON.stringify((await c.client.listPrompts()).prompts.find((p) => p.name === PROMPT) ?? null);
const names = async (c) => (await c.client.listPrompts()).prompts.map((p) => p.name).sort();

async function main() {
  const acme = await connect(tokenA);
  const globex = await connect(tokenB);
  await acme.client.subscribeResource({ uri: POLICY });

  let globexGet;
  try {
    await globex.client.getPrompt({ name: PROMPT, arguments: { customer_message: "x" } });
    globexGet = "served";
  } catch (e) {
    globexGet = e.code;
  }
  const before = await get(acme);
  const listingBefore = await listing(acme);
  say({ step: "ready", acme: await names(acme), globex: await names(globex), globexGet, ...before });

  await expectLine("overridden");
  const started = Date.now();
  let after = before;
  while (after.embedded[0] === before.embedded[0]) {
    if (Date.now() - started > 30000) throw new Error("prompts/get never returned acme's new policy");
    await new Promise((r) => setTimeout(r, 5));
    after = await get(acme);
  }
  const waitedMs = Date.now() - started;
  // Notifications may trail the content by a moment: give them a chance to arrive before counting.
  const until = Date.now() + 5000;
  while (acme.seen.resourcesUpdated.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  say({
    step: "done",
    ...after,
    waitedMs,
    listingUnchanged: (await listing(acme)) === listingBefore,
    promptsListChanged: acme.seen.promptsListChanged,
    resourcesListChanged: acme.seen.resourcesListChanged,
    resourcesUpdated: acme.seen.resourcesUpdated,
    globexResourcesUpdated: globex.seen.resourcesUpdated,
  });
  await acme.client.close();
  await globex.client.close();
  process.exit(0);
}

main().catch((e) => {
  say({ step: "error", message: String(e?.stack ?? e) });
  process.exit(1);
});
