// Adds a bearer token to every request and forwards it, headers (Host, Origin) untouched, to the
// mcp-server: for tools that can't send one, like the MCP conformance suite (docs/mcp-conformance.md).
// Usage: node auth-proxy.mjs <listen port, 0 = any free one> <server port> <token>
// Prints "auth proxy on <port> -> <server port>" to stderr once listening.
import http from "node:http";

const [listenPort, serverPort, token] = process.argv.slice(2);
const proxy = http.createServer((req, res) => {
  const upstream = http.request(
    { host: "127.0.0.1", port: serverPort, path: req.url, method: req.method,
      headers: { ...req.headers, authorization: `Bearer ${token}` } },
    (up) => { res.writeHead(up.statusCode, up.headers); up.pipe(res); });
  upstream.on("error", (e) => { res.writeHead(502); res.end(String(e)); });
  req.pipe(upstream);
});
proxy.listen(Number(listenPort), "127.0.0.1", () => console.error(`auth proxy on ${proxy.address().port} -> ${serverPort}`));
