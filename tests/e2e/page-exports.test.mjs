// What the page gives away and what it weighs, in real Chromium: the table as CSV, the chart
// and the map as SVG and PNG with their sources, the embed dialog's snippets and its live
// preview, and the first view's bytes as the browser fetches them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage } from './browser.mjs';
import { csvRows } from './csv.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

test('the table downloads as CSV with its sources', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:72,p63:44&indicators=households_fibre_share');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('ict-compare button[data-action=csv]').click()]);
  assert.equal(download.suggestedFilename(), 'ict-compare-table.csv');
  const text = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
  // The engine's form for Excel in a Vietnamese locale: `;` between fields, decimal commas.
  const rows = csvRows(text, ';');
  assert.equal(rows.length, 2);
  const tayNinh = rows.find((r) => r.province === 'p63:72');
  assert.equal(tayNinh.value, '92,64');
  assert.ok(tayNinh.quote.includes('92,64%'));
  assert.match(tayNinh.publisher, /Tây Ninh/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the embed dialog writes both snippets for the current view', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:84,p63:44&indicators=households_fibre_share&tab=chart');
  await page.locator('ict-compare button[data-action=embed]').click();
  const element = await page.locator('ict-compare textarea[name=element]').inputValue();
  assert.match(element, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/ict-compare\.js"><\/script>/);
  assert.match(element, /<ict-compare provinces="p63:84,p63:44" indicators="households_fibre_share" lang="vi" tab="chart"/);
  const iframe = await page.locator('ict-compare textarea[name=iframe]').inputValue();
  assert.match(iframe, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?[^"]*provinces=p63:84,p63:44[^"]*embed=1"/);
  // The snippet carries a fallback: a link to the full view, shown until the engine is ready.
  assert.match(element, /<a href="http:\/\/127\.0\.0\.1:\d+\/\?[^"]*provinces=p63:84,p63:44[^"]*">Xem so sánh đầy đủ<\/a><\/p>\n<\/ict-compare>$/);
  // It says where the files go and what to add to the portal's policy.
  const dialog = page.locator('ict-compare .embed-dialog');
  assert.match(await dialog.locator('.embed-hosting').textContent(), /máy chủ của chính cổng thông tin.*ict_compare_\*\.wasm/);
  assert.equal(await dialog.locator('.embed-csp').textContent(), "script-src 'self' 'wasm-unsafe-eval'");
  // Copy puts the snippet on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.origin });
  await dialog.locator('button[data-copy=element]').click();
  await dialog.locator('.copy-status', { hasText: 'Đã sao chép' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), element);
  // The live preview is the element with the snippet's attributes.
  const preview = dialog.locator('ict-compare.embed-preview');
  await page.waitForFunction(() => document.querySelector('ict-compare').shadowRoot.querySelector('.embed-preview')?.dataset.ready === 'true', null, { timeout: 20000 });
  assert.equal(await preview.getAttribute('provinces'), 'p63:84,p63:44');
  await preview.locator('.chart-container svg').first().waitFor({ timeout: 10000 });
  assert.deepEqual(problems(), []);
  await context.close();
});

// The first view (page, styles, the scripts it imports and the engine) weighs at most 250 KB
// gzip, as the build measures it (scripts/build-page.mjs, docs/PERFORMANCE.md); the map's
// boundaries and the long texts are not part of it, and the page's default first view (the
// table, with no reader's file kept) fetches neither before it is drawn.
const FIRST_VIEW_GOAL = 250 * 1000;

test('the first view transfers at most 250 KB gzip, boundaries and long texts excluded', async () => {
  const sizes = JSON.parse(readFileSync('dist/sizes.json', 'utf8'));
  assert.ok(sizes.firstViewGzip <= FIRST_VIEW_GOAL, `${sizes.firstViewGzip} bytes`);
  assert.ok(Object.keys(sizes.firstView).includes('ict_compare_bg.wasm'));
  // What the browser fetches before the view is ready is what the build weighed, nothing more.
  const context = await session.browser.newContext();
  await context.addInitScript(() => {
    // Set up before the document has its root element: the whole document is watched.
    new MutationObserver(() => {
      if (document.documentElement?.dataset.ready && window.readyAt === undefined) window.readyAt = performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  });
  const page = await context.newPage();
  await page.goto(session.origin + '/');
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
  const early = await page.evaluate(() => [
    'index.html',
    ...performance.getEntriesByType('resource')
      .filter((entry) => entry.startTime < window.readyAt)
      .map((entry) => new URL(entry.name).pathname.slice(1)),
  ]);
  const unweighed = early.filter((file) => !(file in sizes.firstView));
  assert.deepEqual(unweighed, [], `fetched before the first view was ready: ${early.join(', ')}`);
  assert.ok(early.includes('ict_compare_bg.wasm') && early.includes('styles.css'), early.join(', '));
  // The page preloads the chunks and the entry fetches the engine it compiles ahead; a preload
  // the script's own request did not match, or an engine fetched again, would show twice here.
  const twice = early.filter((file, i) => early.indexOf(file) !== i);
  assert.deepEqual(twice, [], `fetched twice: ${twice.join(', ')}`);
  await context.close();
});

test('the chart and the map download as SVG and PNG; boundaries load only with the map', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:84,p63:44,p63:72&indicators=households_fibre_share');
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.locator('ict-compare [role=tab][data-tab=chart]').click();
  await page.locator('ict-compare .chart-container svg').first().waitFor();
  assert.ok(!fetched.some((p) => p.endsWith('.topojson')), 'no boundaries before the map is opened');
  for (const [action, check] of [
    ['svg', (bytes) => /^(<\?xml[^>]*>\s*)?<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/.test(bytes.toString('utf8'))],
    ['png', (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`ict-compare button[data-action=${action}]`).click()]);
    assert.ok(check(readFileSync(await download.path())), `chart ${action}`);
    if (action === 'svg') {
      // The image carries its source line: the year, the sources, the warnings shown, the address.
      const image = readFileSync(await download.path(), 'utf8');
      assert.match(image, /<text[^>]*>Năm: mới nhất<\/text>/);
      assert.match(image, /<text[^>]*>Nguồn: [^<]*Báo Trà Vinh/);
      assert.match(image, /<text[^>]*>http:\/\/127\.0\.0\.1:\d+\/\?tab=chart&amp;provinces=p63:84,p63:44,p63:72&amp;indicators=households_fibre_share<\/text>/);
      const shown = await page.locator('ict-compare .panel .warnings li').allTextContents();
      for (const warning of shown) assert.ok(image.includes(`Lưu ý: ${warning.trim().split(' ').slice(0, 4).join(' ')}`), warning);
    }
  }
  await page.locator('ict-compare [role=tab][data-tab=map]').click();
  await page.locator('ict-compare .map-container svg').first().waitFor();
  assert.ok(fetched.some((p) => p.endsWith('vn63_odm.topojson')), 'the map fetched its boundaries');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('ict-compare button[data-action=svg]').click()]);
  const text = readFileSync(await svg.path(), 'utf8');
  assert.match(text, /Open Development Mekong/, 'the attribution travels with the image');
  assert.match(text, /<text[^>]*>http:\/\/127\.0\.0\.1:\d+\/\?tab=map&amp;/);
  assert.deepEqual(problems(), []);
  await context.close();
});
