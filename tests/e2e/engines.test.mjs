// Which engine a page fetches, in real Chromium: the table's for a page that opens on the
// table, the views' (the province, chart, map, profile and sources views, the downloads) when a
// reader first opens one of those, and the views' alone for a page that opens on one. What
// each weighs is the build's measure (scripts/build-page.mjs, docs/PERFORMANCE.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage } from './browser.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

const TABLE = 'ict_compare_bg.wasm';
const VIEWS = 'ict_compare_views_bg.wasm';

/** The engines' modules the page has fetched so far, in order, each as often as it was. */
const modulesFetched = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((entry) => new URL(entry.name).pathname.slice(1))
  .filter((file) => file.endsWith('.wasm')));

test("the table's engine, module and glue, weighs at most 100 KB gzip, the bundled data included", () => {
  const { engines } = JSON.parse(readFileSync('dist/sizes.json', 'utf8'));
  assert.ok(engines.table.gzip <= 100 * 1000, `${engines.table.gzip} bytes`);
  assert.equal(engines.table.gzip, engines.table.module + engines.table.glue);
  // The views' engine answers everything the table's does and more.
  assert.ok(engines.views.module > engines.table.module, JSON.stringify(engines));
});

test("a page on the table fetches the table's engine; the first other tab fetches the views' once", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:72,p63:44&indicators=households_fibre_share');
  await page.locator('ict-compare .panel table').first().waitFor();
  assert.deepEqual(await modulesFetched(page), [TABLE]);
  await page.locator('ict-compare [role=tab][data-tab=province]').click();
  await page.locator('ict-compare .province-view').first().waitFor();
  await page.locator('ict-compare [role=tab][data-tab=chart]').click();
  await page.locator('ict-compare .chart-container svg').first().waitFor();
  assert.deepEqual(await modulesFetched(page), [TABLE, VIEWS]);
  // Back on the table, the views' engine answers it, and a number's quote still opens.
  await page.locator('ict-compare [role=tab][data-tab=table]').click();
  await page.locator('ict-compare table.compare button.value').first().click();
  const popover = page.locator('ict-compare .provenance');
  await popover.waitFor({ state: 'visible' });
  assert.match(await popover.textContent(), /“.+”|·/, 'a quote or a table cell');
  assert.deepEqual(await modulesFetched(page), [TABLE, VIEWS]);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("after the views' engine failed, pointing at tabs does not fetch it again; opening one does", async () => {
  const { page, context } = await openPage(session.browser, session.origin, '/?provinces=p63:72,p63:44&indicators=households_fibre_share');
  await page.locator('ict-compare table.compare button.value').first().waitFor();
  let requests = 0;
  await page.route(`**/${VIEWS}`, (route) => { requests += 1; return route.abort(); });
  const failed = page.waitForEvent('requestfailed', (request) => request.url().endsWith(VIEWS));
  await page.locator('ict-compare [role=tab][data-tab=map]').hover();
  await failed;
  assert.equal(requests, 1);
  for (const tab of ['chart', 'province', 'map', 'sources']) await page.locator(`ict-compare [role=tab][data-tab=${tab}]`).hover();
  // Time enough for a fetch the hovers would have started.
  await page.waitForTimeout(300);
  assert.equal(requests, 1);
  await page.locator('ict-compare [role=tab][data-tab=chart]').click();
  await page.locator('ict-compare .panel [role=alert]').waitFor();
  assert.equal(requests, 2);
  await context.close();
});

test("a page that opens on a province fetches the views' engine and never the table's", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?province=p63:72');
  await page.locator('ict-compare .province-view').first().waitFor();
  assert.equal(await page.locator('ict-compare [role=tab][aria-selected=true]').getAttribute('data-tab'), 'province');
  await page.locator('ict-compare [role=tab][data-tab=table]').click();
  await page.locator('ict-compare .panel table').first().waitFor();
  assert.deepEqual(await modulesFetched(page), [VIEWS]);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a views' engine that cannot be fetched is said in the reader's words, and tried again", async () => {
  const { page, context } = await openPage(session.browser, session.origin, '/?provinces=p63:72,p63:44&indicators=households_fibre_share');
  await page.locator('ict-compare .panel table').first().waitFor();
  await page.route(`**/${VIEWS}`, (route) => route.abort());
  await page.locator('ict-compare [role=tab][data-tab=chart]').click();
  const refusal = page.locator('ict-compare .panel [role=alert]');
  await refusal.waitFor();
  assert.equal(await refusal.textContent(), 'Chưa tải được phần hiển thị này của trang; hãy thử lại sau giây lát.');
  // The table's download of every figure needs the views' engine too, and says so beside it.
  await page.locator('ict-compare button[data-action=csv-all]').click();
  await page.locator('ict-compare .provenance [role=alert]', { hasText: 'Chưa tải được phần hiển thị' }).waitFor();
  await page.unroute(`**/${VIEWS}`);
  await page.keyboard.press('Escape');
  await page.locator('ict-compare [role=tab][data-tab=table]').click();
  await page.locator('ict-compare [role=tab][data-tab=chart]').click();
  await page.locator('ict-compare .chart-container svg').first().waitFor();
  await context.close();
});

test('an engine served as another type than application/wasm is compiled from its bytes, fetched once', async () => {
  const context = await session.browser.newContext();
  const module = readFileSync(`dist/${TABLE}`);
  await context.route(`**/${TABLE}`, (route) => route.fulfill({ body: module, contentType: 'application/octet-stream' }));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${session.origin}/?provinces=p63:72,p63:44&indicators=households_fibre_share`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
  await page.locator('ict-compare table.compare button.value').first().waitFor();
  assert.deepEqual(await modulesFetched(page), [TABLE]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an engine the entry could not fetch is fetched by the element, and the page starts", async () => {
  const context = await session.browser.newContext();
  let refused = 0;
  // The first request (the entry's, as the page starts) fails; the element's is served.
  await context.route(`**/${TABLE}`, (route) => (refused++ === 0 ? route.abort() : route.continue()));
  const page = await context.newPage();
  await page.goto(`${session.origin}/?provinces=p63:72,p63:44&indicators=households_fibre_share`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
  await page.locator('ict-compare table.compare button.value').first().waitFor();
  assert.equal(refused, 2);
  await context.close();
});

// The page cannot start either way; what is checked is that it says so at once, without
// downloading the engine a second time first.
const UNCOMPILABLE = {
  'a damaged module': (context) => context.route(`**/${TABLE}`, (route) => route.fulfill({ body: Buffer.from('not a module'), contentType: 'application/wasm' })),
  "a page whose policy lacks 'wasm-unsafe-eval'": (context) => context.route((url) => url.pathname === '/', async (route) => {
    const response = await route.fetch();
    const policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  }),
};
for (const [what, serve] of Object.entries(UNCOMPILABLE)) {
  test(`${what}: the engine is fetched once and the page says it could not start`, async () => {
    const context = await session.browser.newContext();
    await serve(context);
    const page = await context.newPage();
    // Counted as requests: the resource timing lists a second request of a file once.
    const requested = [];
    page.on('request', (request) => { if (request.url().endsWith('.wasm')) requested.push(new URL(request.url()).pathname.slice(1)); });
    await page.goto(`${session.origin}/?provinces=p63:72,p63:44&indicators=households_fibre_share`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'error', null, { timeout: 20000 });
    assert.match(await page.locator('ict-compare .status[role=alert]').textContent(), /^Không tải được bộ máy so sánh/);
    assert.deepEqual(requested, [TABLE]);
    await context.close();
  });
}

test('a tab whose engine is still on its way says so in the panel, then draws', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:72,p63:44&indicators=households_fibre_share');
  await page.locator('ict-compare .panel table').first().waitFor();
  let release = () => {};
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(`**/${VIEWS}`, async (route) => { await held; await route.continue(); });
  await page.locator('ict-compare [role=tab][data-tab=province]').click();
  const loading = page.locator('ict-compare .panel [role=status]', { hasText: 'Đang tải dữ liệu…' });
  await loading.waitFor();
  release();
  await page.locator('ict-compare .province-view').first().waitFor();
  assert.equal(await loading.count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a views' engine of another build (one a cache kept) is refused: the reader is told to reload, and the table stays", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:72,p63:44&indicators=households_fibre_share');
  await page.locator('ict-compare table.compare button.value').first().waitFor();
  // The views' engine's script as another build's would answer: another bundled pack.
  await page.route('**/ict_compare_views-*.js', async (route) => {
    const response = await route.fetch();
    const script = (await response.text()).replace('static bundledId(){', 'static bundledId(){return"another build";');
    await route.fulfill({ response, body: script });
  });
  await page.locator('ict-compare [role=tab][data-tab=province]').click();
  const refusal = page.locator('ict-compare .panel [role=alert]');
  await refusal.waitFor();
  assert.equal(await refusal.textContent(), 'Trang vừa được cập nhật trong khi đang mở; hãy tải lại trang.');
  // The table is still the table's engine's, its numbers and their quotes as before.
  await page.locator('ict-compare [role=tab][data-tab=table]').click();
  await page.locator('ict-compare table.compare button.value').first().click();
  await page.locator('ict-compare .provenance').waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => /** @type {any} */ (document.querySelector('ict-compare')).app.dataset.provinceView), undefined);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('whatever the address, a page fetches one engine before it is ready, one that draws the tab it opens on', async () => {
  for (const [path, tab] of [
    // A tracker's parameter is not the view's: the view stands.
    ['/?tab=province&province=p63:72&fbclid=IwAR0abc', 'province'],
    ['/?provinces=p63:72&indicators=dti_score&utm_source=zalo&zarsrc=30', 'table'],
    // A view refused whole (a repeated or unknown tab, an unknown province) opens on the table.
    ['/?tab=chart&tab=map', 'table'],
    ['/?tab=nope&province=p63:72', 'table'],
    ['/?province=p63:99', 'table'],
  ]) {
    const { page, context, problems } = await openPage(session.browser, session.origin, path);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
    assert.equal(await page.locator('ict-compare [role=tab][aria-selected=true]').getAttribute('data-tab'), tab, path);
    const fetched = await modulesFetched(page);
    assert.equal(fetched.length, 1, `${path}: ${fetched.join(', ')}`);
    if (tab !== 'table') assert.deepEqual(fetched, [VIEWS], path);
    assert.deepEqual(problems(), [], path);
    await context.close();
  }
});

test("pointing at a tab the views' engine draws fetches it ahead of the click, once", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:72,p63:44&indicators=households_fibre_share');
  await page.locator('ict-compare table.compare button.value').first().waitFor();
  await page.locator('ict-compare [role=tab][data-tab=add]').hover();
  await page.locator('ict-compare [role=tab][data-tab=map]').hover();
  await page.waitForFunction((file) => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(file)), VIEWS);
  assert.equal(await page.locator('ict-compare [role=tab][aria-selected=true]').getAttribute('data-tab'), 'table');
  await page.locator('ict-compare [role=tab][data-tab=chart]').hover();
  await page.locator('ict-compare [role=tab][data-tab=chart]').click();
  await page.locator('ict-compare .chart-container svg').first().waitFor();
  assert.deepEqual(await modulesFetched(page), [TABLE, VIEWS]);
  assert.deepEqual(problems(), []);
  await context.close();
});
