// The embed as a portal hosts it: one script and one element under a strict
// Content-Security-Policy, styles isolated from the portal's, sized by its container; and the
// iframe form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, SCREENSHOTS } from './browser.mjs';
import { STRICT_CSP } from '../../scripts/serve.mjs';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

/** Opens a page recording CSP violations (from the first script on), errors and requests. */
async function open(path, options = {}) {
  const context = await session.browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
    });
  });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(session.origin) && !/^(data|blob):/.test(r.url())) problems.push(`request left the origin: ${r.url()}`);
  });
  const response = await page.goto(session.origin + path);
  return { page, context, response, problems, violations: () => page.evaluate(() => window.__violations) };
}

test('the embed example is served under the strict policy and works with no violation', async () => {
  const { page, context, response, problems, violations } = await open('/embed-example.html', { viewport: { width: 1280, height: 900 } });
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  await page.waitForFunction(() => [...document.querySelectorAll('ict-compare')].every((e) => e.dataset.ready === 'true'), null, { timeout: 20000 });
  const [main, aside] = await page.locator('ict-compare').all();
  // The element's attributes set the view.
  const heads = await main.locator('table.compare thead th').allTextContents();
  assert.deepEqual(heads.slice(1), ['Trà Vinh', 'Quảng Bình', 'Tây Ninh']);
  await aside.locator('.chart-container svg').first().waitFor({ timeout: 10000 });
  assert.match(await aside.locator('.title').textContent(), /Compare the ICT/);
  // Every view under the policy, including the lazily loaded chart and map.
  for (const tab of ['chart', 'map', 'profile', 'sources', 'table']) {
    await main.locator(`[role=tab][data-tab=${tab}]`).click();
    await page.waitForTimeout(tab === 'map' ? 1500 : 300);
  }
  await main.locator('button.value').first().click();
  await main.locator('.provenance').waitFor({ state: 'visible' });
  await page.screenshot({ path: `${SCREENSHOTS}/embed-example-desktop.png`, fullPage: true });
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the portal's styles do not reach inside, and the element fits a narrow column", async () => {
  const { page, context, problems, violations } = await open('/embed-example.html', { viewport: { width: 1280, height: 900 } });
  await page.waitForFunction(() => [...document.querySelectorAll('ict-compare')].every((e) => e.dataset.ready === 'true'), null, { timeout: 20000 });
  const main = page.locator('ict-compare').first();
  const font = await main.locator('button.lang').evaluate((b) => getComputedStyle(b).fontFamily);
  assert.doesNotMatch(font, /Comic Sans/);
  const aside = page.locator('ict-compare').nth(1);
  const [asideWidth, columnWidth] = await aside.evaluate((e) => [e.getBoundingClientRect().width, e.parentElement.clientWidth]);
  assert.ok(asideWidth <= columnWidth + 1, `${asideWidth} within ${columnWidth}`);
  // Nothing inside it spills out either, on any tab.
  for (const tab of ['chart', 'map', 'table']) {
    await aside.locator(`[role=tab][data-tab=${tab}]`).click();
    await page.waitForTimeout(tab === 'map' ? 1500 : 300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${tab}: the portal page does not scroll sideways (${overflow}px)`);
  }
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the embed example works at 375 px', async () => {
  const { page, context, problems, violations } = await open('/embed-example.html', { viewport: { width: 375, height: 812 } });
  await page.waitForFunction(() => [...document.querySelectorAll('ict-compare')].every((e) => e.dataset.ready === 'true'), null, { timeout: 20000 });
  await page.screenshot({ path: `${SCREENSHOTS}/embed-example-375.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the portal page does not scroll sideways (${overflow}px)`);
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the iframe form reopens the view it was made from', async () => {
  const { page, context, problems } = await open('/?provinces=p63:84,p63:72&indicators=households_fibre_share&tab=table&embed=1');
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
  const heads = await page.locator('ict-compare table.compare thead th').allTextContents();
  assert.deepEqual(heads.slice(1), ['Trà Vinh', 'Tây Ninh']);
  assert.deepEqual(problems, []);
  await context.close();
});

/** A portal on a second origin (another loopback port) whose page is `html`; `close()` stops it. */
async function portal(html) {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }) };
}

const PORTAL_PAGE = (origin) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin</title>
<link rel="icon" href="data:,">
<script type="module" src="${origin}/ict-compare.js"></script></head>
<body><h1>Cổng thông tin tỉnh</h1>
<ict-compare provinces="p63:84,p63:72" indicators="households_fibre_share" lang="vi" tab="table">
  <table class="summary"><tr><th>Tỉnh</th><th>Hộ gia đình có cáp quang</th></tr><tr><td>Trà Vinh</td><td>…</td></tr></table>
  <p><a class="full" href="${origin}/">Xem so sánh đầy đủ</a></p>
</ict-compare></body></html>`;

test('a portal on another origin embeds the element with one script tag', async (t) => {
  const site = await portal(PORTAL_PAGE(session.origin));
  t.after(() => site.close());
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const module = await (await fetch(`${session.origin}/ict-compare.js`)).headers.get('access-control-allow-origin');
  assert.equal(module, '*');
  await page.goto(site.origin + '/');
  await page.waitForFunction(() => document.querySelector('ict-compare').dataset.ready !== undefined, null, { timeout: 20000 });
  assert.equal(await page.locator('ict-compare').getAttribute('data-ready'), 'true');
  const heads = await page.locator('ict-compare table.compare thead th').allTextContents();
  assert.deepEqual(heads.slice(1), ['Trà Vinh', 'Tây Ninh']);
  // Once the engine is ready the portal's fallback gives way to the element.
  assert.equal(await page.locator('table.summary').isVisible(), false);
  // The map's boundaries come from the element's origin too.
  await page.locator('ict-compare [role=tab][data-tab=map]').click();
  await page.locator('ict-compare .map-container svg path').first().waitFor({ timeout: 15000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a portal's page asks for the engine with the element's scripts, not after them, and for each file once", async (t) => {
  const site = await portal(PORTAL_PAGE(session.origin));
  t.after(() => site.close());
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname.slice(1)));
  // The element's own script is held back: what the page asks for meanwhile, it asked for with
  // the one script the portal loads, not once the element ran.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/element-*.js', async (route) => { await held; await route.continue(); });
  // The element's scripts, as the build wrote them into the entry.
  const entry = readFileSync('dist/ict-compare.js', 'utf8');
  const scripts = entry.match(/"(element-[^"]+)"/)[1].split(',');
  const ahead = ['ict_compare_bg.wasm', ...scripts];
  await page.goto(site.origin + '/');
  for (let i = 0; i < 100 && !ahead.every((file) => asked.includes(file)); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  const meanwhile = [...asked];
  release();
  await page.waitForFunction(() => document.querySelector('ict-compare').dataset.ready === 'true', null, { timeout: 20000 });
  assert.deepEqual(ahead.filter((file) => !meanwhile.includes(file)), [], `asked while the element was held: ${meanwhile.join(' ')}`);
  // Nothing a first view does not need (the chart's, the map's, the second module).
  assert.deepEqual(meanwhile.filter((file) => /\.(js|wasm)$/.test(file) && file !== 'ict-compare.js' && !ahead.includes(file)), []);
  const twice = asked.filter((file, i) => /\.(js|wasm)$/.test(file) && asked.indexOf(file) !== i);
  assert.deepEqual(twice, []);
  await context.close();
});

test("the portal's fallback shows until the engine is ready, and stays, with a sentence in the reader's language, if it cannot start", async (t) => {
  const site = await portal(PORTAL_PAGE(session.origin));
  t.after(() => site.close());
  const context = await session.browser.newContext();
  const page = await context.newPage();
  // Hold the engine back, then let it through: the fallback is on screen meanwhile.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(site.origin + '/');
  await page.locator('ict-compare .status').waitFor();
  assert.equal(await page.locator('table.summary').isVisible(), true);
  assert.equal(await page.locator('a.full').isVisible(), true);
  release();
  await page.waitForFunction(() => document.querySelector('ict-compare').dataset.ready === 'true', null, { timeout: 20000 });
  assert.equal(await page.locator('table.summary').isVisible(), false);
  // And when the engine cannot load at all.
  const failed = await context.newPage();
  await failed.route('**/*.wasm', (route) => route.abort());
  await failed.goto(site.origin + '/');
  await failed.waitForFunction(() => document.querySelector('ict-compare').dataset.ready === 'error', null, { timeout: 20000 });
  const said = await failed.locator('ict-compare .status').textContent();
  assert.match(said, /^Không tải được bộ máy so sánh\. Hãy tải lại trang/);
  assert.doesNotMatch(said, /Error|fetch|instantiate|undefined/i);
  assert.equal(await failed.locator('table.summary').isVisible(), true);
  assert.equal(await failed.locator('a.full').isVisible(), true);
  await failed.screenshot({ path: `${SCREENSHOTS}/embed-failed-start-1280.png` });
  await context.close();
});

test('a compact element shows one view without the controls: the summary, the chart, the map', async (t) => {
  const page_ = (origin) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng</title><link rel="icon" href="data:,">
<script type="module" src="${origin}/ict-compare.js"></script></head><body>
<ict-compare id="summary" view="summary" province="p63:44"></ict-compare>
<ict-compare id="chart" view="chart" provinces="p63:84,p63:44" indicators="households_fibre_share"></ict-compare>
<ict-compare id="map" view="map" focus="dti_score"></ict-compare></body></html>`;
  const site = await portal(page_(session.origin));
  t.after(() => site.close());
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(site.origin + '/');
  await page.waitForFunction(() => [...document.querySelectorAll('ict-compare')].every((e) => e.dataset.ready === 'true'), null, { timeout: 20000 });
  for (const id of ['summary', 'chart', 'map']) {
    const element = page.locator(`ict-compare#${id}`);
    for (const part of ['.controls', '.tabs', '.toolbar', '.controls-toggle']) {
      assert.equal(await element.locator(part).isVisible(), false, `${id}: ${part} hidden`);
    }
  }
  assert.match(await page.locator('ict-compare#summary .headline[data-indicator=dti_score] .headline-value').textContent(), /^0,\d{4}$/);
  await page.locator('ict-compare#chart .chart-container svg').first().waitFor({ timeout: 10000 });
  await page.locator('ict-compare#map .map-container svg path').first().waitFor({ timeout: 15000 });
  assert.match(await page.locator('ict-compare#summary .footer').textContent(), /DTI/);
  // Every element opens on a view the views' engine draws: it alone is fetched, asked for by the
  // portal's one script with its glue.
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname.slice(1)));
  assert.deepEqual(fetched.filter((file) => file.endsWith('.wasm')), ['ict_compare_views_bg.wasm']);
  assert.equal(fetched.filter((file) => file.startsWith('ict_compare_views-')).length, 1);
  await page.screenshot({ path: `${SCREENSHOTS}/compact-1280.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});
