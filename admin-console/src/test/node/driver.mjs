// A line-oriented remote control for one headless Chromium page, used by the Java browser tests:
// each stdin line is a JSON command, each stdout line the JSON answer {ok, value} or {ok:false, error}.
// Elements are found the way a screen reader user finds them: by ARIA role and accessible name,
// or by label; never by CSS class.
import { chromium } from 'playwright-core';
import readline from 'node:readline';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // This machine's network is closed: without these Chromium keeps trying Google's hosts.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const contexts = new Map();
let page;

async function use(name, width, height) {
  if (!contexts.has(name)) {
    const context = await browser.newContext({ viewport: { width: width || 1280, height: height || 800 } });
    contexts.set(name, { context, page: await context.newPage() });
  }
  page = contexts.get(name).page;
}

function locate(c) {
  if (c.role) {
    let l = page.getByRole(c.role, c.name === undefined ? {} : { name: c.name, exact: c.exact !== false });
    if (c.within) l = page.getByRole(c.within.role, { name: c.within.name }).locator(l);
    return l;
  }
  if (c.label) return page.getByLabel(c.label, { exact: c.exact !== false });
  if (c.text) return page.getByText(c.text, { exact: false });
  if (c.testId) return page.getByTestId(c.testId);
  throw new Error('no locator in ' + JSON.stringify(c));
}

const ops = {
  async context(c) { await use(c.name, c.width, c.height); },
  async viewport(c) { await page.setViewportSize({ width: c.width, height: c.height }); },
  async goto(c) { const r = await page.goto(c.url, { waitUntil: 'load' }); return r ? r.status() : 0; },
  async click(c) { await locate(c).first().click({ timeout: c.timeout || 20000 }); },
  async fill(c) { await locate(c).first().fill(c.value, { timeout: c.timeout || 20000 }); },
  async check(c) { await locate(c).first().check({ timeout: c.timeout || 20000 }); },
  async press(c) { await page.keyboard.press(c.key); },
  async focused() { return page.evaluate(() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent || e.tagName).trim() : ''; }); },
  async waitText(c) { await page.getByText(c.text, { exact: false }).first().waitFor({ state: 'visible', timeout: c.timeout || 60000 }); },
  async waitFor(c) { await locate(c).first().waitFor({ state: 'visible', timeout: c.timeout || 60000 }); },
  async count(c) { return locate(c).count(); },
  async text(c) { return locate(c).first().innerText({ timeout: c.timeout || 20000 }); },
  async bodyText() { return page.locator('body').innerText(); },
  async url() { return page.url(); },
  async screenshot(c) { await page.screenshot({ path: c.path, fullPage: c.fullPage !== false }); },
  async fetch(c) { return page.evaluate(async (c) => { const r = await fetch(c.url, { method: c.method || 'GET', headers: c.headers || {}, body: c.body }); return { status: r.status, body: await r.text() }; }, c); },
};

await use('default');
console.log(JSON.stringify({ ok: true, value: 'ready' }));
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  let c;
  try {
    c = JSON.parse(line);
    if (c.op === 'quit') break;
    const value = await ops[c.op](c);
    console.log(JSON.stringify({ ok: true, value: value === undefined ? null : value }));
  } catch (e) {
    console.log(JSON.stringify({ ok: false, error: String(e && e.message || e).split('\n').slice(0, 6).join('\n') }));
  }
}
await browser.close();
