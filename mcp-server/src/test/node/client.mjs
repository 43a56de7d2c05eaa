// An independent MCP client (the official TypeScript SDK) for TypeScriptClientIT.
// Usage: node client.mjs <endpoint> <token of org A> <token of org B>
// Talks to the Java test on stdout (one JSON object per line) and stdin (one word per line):
//   -> {"step":"ready",...}       <- "updated"  (the test changed org A's view)
//   -> {"step":"a-notified",...}  <- "marked"   (the test changed org B's view afterwards)
//   -> {"step":"done",...}
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { PromptListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import readline from "node:readline";

const [endpoint, tokenA, tokenB] = process.argv.slice(2);
const say = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const expectLine = async (word) => {
  const { value } = await lines.next();
  if (value?.trim() !== word) throw new Error(`expected '${word}' on stdin, got '${value}'`);
};
const until = async (what, test, ms = 10000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

async function connect(token) {
  const client = new Client({ name: "ts-sdk-check", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(endpoint), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  const counter = { listChanged: 0 };
  client.setNotificationHandler(PromptListChangedNotificationSchema, () => { counter.listChanged++; });
  return { client, transport, counter };
}

const render = async (c, name, args) =>
  (await c.client.getPrompt({ name, arguments: args })).messages[0].content.text;
const names = async (c) => (await c.client.listPrompts()).prompts.map((p) => p.name).sort();

async function main() {
  const a = await connect(tokenA);
  const b = await connect(tokenB);

  let badToken;
  try {
    await connect("not-a-token");
    badToken = "accepted";
  } catch (e) {
    badToken = String(e.message ?? e);
  }
  const crossOrg = await fetch(endpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      Authorization: `Bearer ${tokenB}`,
      "Mcp-Session-Id": a.transport.sessionId,
      "Mcp-Protocol-Version": "2025-06-18",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 99, method: "prompts/list" }),
  });
  let invalidParams;
  try {
    await a.client.getPrompt({ name: "summarize", arguments: {} });
  } catch (e) {
    invalidParams = e.code;
  }

  say({
    step: "ready",
    a: await names(a),
    b: await names(b),
    aRendered: await render(a, "summarize", { text: "<t>" }),
    bRendered: await render(b, "summarize", { text: "<t>" }),
    badToken,
    crossOrgStatus: crossOrg.status,
    invalidParams,
  });

  await expectLine("updated");
  await until("org A's prompts/list_changed", () => a.counter.listChanged >= 1);
  say({ step: "a-notified", aRendered: await render(a, "summarize", { text: "<t>" }) });

  await expectLine("marked");
  await until("org B's prompts/list_changed", () => b.counter.listChanged >= 1);
  say({ step: "done", aNotifications: a.counter.listChanged, bNotifications: b.counter.listChanged, b: await names(b) });

  await a.client.close();
  await b.client.close();
  process.exit(0);
}

main().catch((e) => {
  say({ step: "error", message: String(e?.stack ?? e) });
  process.exit(1);
});
