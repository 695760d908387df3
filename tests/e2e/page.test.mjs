// The page as a reader uses it, in real Chromium: first sight, choosing provinces by typing
// without diacritics, tabs by keyboard, quotes behind numbers, languages, shared links,
// downloads, the reader's own CSV, and screenshots to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, SCREENSHOTS } from './browser.mjs';
import { csvRows } from './csv.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

const observations = csvRows(readFileSync('data/observations.csv', 'utf8'));
const tableObservations = csvRows(readFileSync('data/table_observations.csv', 'utf8'));
const sourceCount = csvRows(readFileSync('data/sources.csv', 'utf8')).length + csvRows(readFileSync('data/tables.csv', 'utf8')).length;
const indicators = new Map(csvRows(readFileSync('data/indicators.csv', 'utf8')).map((i) => [i.indicator_id, i]));

/** Runs `collect` on each page of a paged list inside `scope` and returns all it found. */
async function everyPage(scope, collect) {
  const found = [...await collect()];
  const next = scope.locator('.pager button[data-page=next]').first();
  while (await next.count() && await next.isEnabled()) {
    await next.click();
    found.push(...await collect());
  }
  return found;
}

/** The comparison table as text: header cells and, per row, the indicator and value cells. */
async function tableText(page) {
  return page.locator('ict-compare table.compare').evaluate((table) => ({
    head: [...table.tHead.rows[0].cells].map((c) => c.textContent.trim()),
    rows: [...table.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent.trim())),
  }));
}

test('first sight: the reported provinces on the indicators they share, with no errors', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin);
  const lede = await page.locator('ict-compare .lede').textContent();
  assert.match(lede, new RegExp(`${observations.length} số liệu từ 5 báo cáo`));
  const { head, rows } = await tableText(page);
  for (const name of ['Trà Vinh', 'Quảng Bình', 'Tây Ninh', 'Hải Dương']) assert.ok(head.includes(name), `${name} in ${head}`);
  assert.ok(rows.length >= 2, 'shared indicators are shown');
  // Tây Ninh's household fibre share, written the Vietnamese way.
  const fibre = rows.find((r) => r[0].startsWith('Tỷ lệ hộ gia đình có internet băng rộng cáp quang'));
  assert.ok(fibre, 'the fibre row');
  assert.ok(fibre.some((cell) => cell.startsWith('92,64 %')), fibre.join(' | '));
  // The best value is marked only where a row's figures share a year.
  const bestIn = (start) => page.locator('ict-compare table.compare tbody tr').filter({ hasText: start }).locator('button.value.best').count();
  assert.equal(await bestIn('Tỷ lệ hộ gia đình có internet băng rộng cáp quang'), 0, 'mixed years: no best');
  assert.equal(await bestIn('Số điểm cầu hội nghị truyền hình'), 1, 'both 2016: a best');
  // Hovering a number shows its quote too.
  await page.locator('ict-compare button.value').first().hover();
  await page.locator('ict-compare .provenance').waitFor({ state: 'visible' });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SCREENSHOTS}/first-sight-desktop.png`, fullPage: true });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the page works at 375 px wide', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/', { viewport: { width: 375, height: 812 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page does not scroll sideways (${overflow}px)`);
  await page.screenshot({ path: `${SCREENSHOTS}/first-sight-375.png`, fullPage: true });
  // The answer first: a number of the comparison on the first screen, the controls behind a button.
  const first = await page.locator('ict-compare .panel button.value').first().boundingBox();
  assert.ok(first && first.y + first.height <= 812, `the first number at ${first?.y}px`);
  assert.equal(await page.locator('ict-compare .provinces-picker input').isVisible(), false);
  const toggle = page.locator('ict-compare button.controls-toggle');
  assert.match(await toggle.textContent(), /^Chọn tỉnh và chỉ số \(\d+ tỉnh, \d+ chỉ số\)$/);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.locator('ict-compare .provinces-picker input').fill('hai phong');
  assert.equal(await page.locator('ict-compare [role=option] .name').first().textContent(), 'Hải Phòng');
  await page.screenshot({ path: `${SCREENSHOTS}/controls-open-375.png`, fullPage: true });
  // At 1280 px there is room for both: no button, the controls shown.
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await toggle.isVisible(), false);
  assert.equal(await page.locator('ict-compare .provinces-picker input').isVisible(), true);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('provinces are found by typing with or without diacritics, in any case', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:72&indicators=households_fibre_share');
  const input = page.locator('ict-compare .provinces-picker input');
  for (const typed of ['tra vinh', 'TRA VINH', 'Trà Vinh']) {
    await input.fill(typed);
    const options = await page.locator('ict-compare [role=option] .name').allTextContents();
    assert.equal(options[0], 'Trà Vinh', `${typed}: ${options.slice(0, 3)}`);
  }
  await input.fill('quang binh');
  await input.press('Enter');
  const { head } = await tableText(page);
  assert.deepEqual(head.slice(1), ['Tây Ninh', 'Quảng Bình']);
  assert.match(new URL(page.url()).search, /provinces=p63:72,p63:44/);
  // Options are grouped by region and sorted in Vietnamese order.
  await input.fill('');
  await input.focus();
  const groups = await page.locator('ict-compare [role=listbox] .group').allTextContents();
  assert.equal(groups.length, 6);
  // Within a region, names follow the Vietnamese alphabet (a ă â b c d đ …).
  const names = await page.locator('ict-compare [role=listbox]').evaluate((list) => {
    const out = [];
    let group = -1;
    for (const item of list.children) {
      if (item.classList.contains('group')) { group++; out[group] = []; } else out[group].push(item.firstChild.textContent);
    }
    return out;
  });
  const collator = new Intl.Collator('vi');
  for (const region of names) assert.deepEqual(region, [...region].sort(collator.compare));
  assert.ok(names.flat().length >= 60);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the 34 provinces of 2025 show which former provinces each holds', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?scheme=p34&provinces=p63:84&indicators=bts_stations');
  const { head, rows } = await tableText(page);
  assert.match(head[1], /Vĩnh Long.*Bến Tre \+ Trà Vinh \+ Vĩnh Long/);
  assert.match(rows[0][1], /1\/3/, 'partial roll-up said as k of n');
  await page.locator('ict-compare .provinces-picker input').fill('tra vinh');
  const options = await page.locator('ict-compare [role=option]').allTextContents();
  assert.deepEqual(options, [], 'Trà Vinh is already in the chosen Vĩnh Long');
  await page.locator('ict-compare .provinces-picker input').fill('hai phong');
  const first = await page.locator('ict-compare [role=option]').first().textContent();
  assert.match(first, /Hải Phòng.*Hải Dương/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('every number opens the sentence that states it', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:72&indicators=households_fibre_share');
  const value = page.locator('ict-compare td[data-province="p63:72"] button.value');
  await value.click();
  const panel = page.locator('ict-compare .provenance');
  await panel.waitFor({ state: 'visible' });
  const text = await panel.textContent();
  const expected = observations.find((o) => o.observation_id === 'tn-2024-005');
  assert.ok(text.includes(expected.quote), text);
  assert.match(text, /14\/08\/2024/);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('tabs switch by click and by keyboard, and every view renders', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin);
  const tab = (name) => page.locator(`ict-compare [role=tab][data-tab=${name}]`);
  await tab('table').focus();
  for (const name of ['chart', 'map', 'profile', 'sources']) {
    await page.keyboard.press('ArrowRight');
    assert.equal(await tab(name).getAttribute('aria-selected'), 'true', name);
    await page.waitForTimeout(50);
  }
  await tab('chart').click();
  await page.locator('ict-compare .chart-container svg').first().waitFor({ timeout: 10000 });
  await page.screenshot({ path: `${SCREENSHOTS}/chart-desktop.png`, fullPage: true });
  await tab('map').click();
  await page.locator('ict-compare .map-container svg').first().waitFor({ timeout: 10000 });
  await page.screenshot({ path: `${SCREENSHOTS}/map-desktop.png`, fullPage: true });
  await tab('profile').click();
  await page.locator('ict-compare .pillar').first().waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/profile-desktop.png`, fullPage: true });
  await tab('sources').click();
  // Every source, a page at a time, and every bundled figure under its report or table, a page
  // at a time, one source open at a time.
  const figures = [...observations, ...tableObservations];
  const panel = page.locator('ict-compare .panel');
  const seen = await everyPage(panel, async () => {
    const ids = [];
    for (const article of await page.locator('ict-compare article.source').all()) {
      const id = await article.getAttribute('data-source');
      await article.locator('summary').click();
      await article.locator('table.source-figures').waitFor();
      const rows = await everyPage(article, () => article.locator('table.source-figures tbody tr').allTextContents());
      assert.equal(rows.length, figures.filter((o) => o.source_id === id).length, id);
      assert.equal(await page.locator('ict-compare details[open]').count(), 1, 'one source open at a time');
      ids.push(id);
    }
    return ids;
  });
  assert.equal(new Set(seen).size, sourceCount);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the language toggles to English with English number formats, and back', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:72,p63:84&indicators=households_fibre_share,bts_stations');
  await page.locator('ict-compare button.lang').click();
  // The English words are fetched on the first switch: the page redraws once they arrive.
  await page.locator('ict-compare .title', { hasText: 'Compare the ICT' }).waitFor();
  assert.match(await page.locator('ict-compare .title').textContent(), /Compare the ICT/);
  const { rows } = await tableText(page);
  const fibre = rows.find((r) => r[0].startsWith('Share of households'));
  assert.ok(fibre.some((c) => c.startsWith('92.64%')), fibre.join(' | '));
  const bts = rows.find((r) => r[0].startsWith('Mobile base stations'));
  assert.ok(bts.some((c) => c.startsWith('1,208')), bts.join(' | '));
  assert.match(new URL(page.url()).search, /lang=en/);
  await page.locator('ict-compare button.lang').click();
  const again = await tableText(page);
  assert.ok(again.rows.flat().some((c) => c.startsWith('1.208')));
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a shared link reopens the same view', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:84');
  await page.locator('ict-compare .provinces-picker input').fill('tay ninh');
  await page.keyboard.press('Enter');
  await page.locator('ict-compare select[name=period]').selectOption('latest');
  await page.locator('ict-compare input[name=perCapita]').check();
  const before = await tableText(page);
  const link = page.url();
  const other = await openPage(session.browser, session.origin, new URL(link).pathname + new URL(link).search);
  assert.deepEqual(await tableText(other.page), before);
  assert.equal(await other.page.locator('ict-compare input[name=perCapita]').isChecked(), true);
  assert.deepEqual([...problems(), ...other.problems()], []);
  await other.context.close();
  await context.close();
});

test('a garbled link is refused with a visible message', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, `/?provinces=p63:84,<script>alert(1)</script>&tab=nope&x=${'a'.repeat(50)}`);
  const notice = page.locator('ict-compare .notice');
  await notice.waitFor({ state: 'visible' });
  assert.match(await notice.textContent(), /không hợp lệ/);
  assert.equal(await page.locator('ict-compare [role=tab][aria-selected=true]').getAttribute('data-tab'), 'table');
  const long = await openPage(session.browser, session.origin, `/?provinces=${'p63:84,'.repeat(800)}`);
  await long.page.locator('ict-compare .notice').waitFor({ state: 'visible' });
  assert.deepEqual([...problems(), ...long.problems()], []);
  await long.context.close();
  await context.close();
});

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

test("the reader's own CSV: a good file adds marked figures, a bad one says where", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:84&indicators=bts_stations');
  const input = page.locator('ict-compare .open-file input');
  const good = 'observation_id,province,indicator_id,period,value,source_id,quote\nu-1,p63:01,bts_stations,2024,15000,so-tt-hn,"=HYPERLINK(""http://x"")"\n';
  await input.setInputFiles({ name: 'ha-noi.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  // "Reading your file…" comes first, then what the file added.
  await page.waitForFunction(() => document.querySelector('ict-compare').shadowRoot.querySelector('.notice')?.textContent.includes('ha-noi.csv'));
  assert.match(await page.locator('ict-compare .notice').textContent(), /Đã thêm 1 số liệu từ ha-noi\.csv/);
  const cell = page.locator('ict-compare td[data-province="p63:01"] button.value');
  assert.match(await cell.textContent(), /15\.000/);
  assert.equal(await cell.evaluate((b) => b.classList.contains('user')), true);
  // The exported CSV neutralises the formula the file carried.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('ict-compare button[data-action=csv]').click()]);
  const exported = readFileSync(await download.path(), 'utf8');
  assert.ok(exported.includes(`"'=HYPERLINK(""http://x"")"`), exported);

  const bad = 'observation_id,province,indicator_id,period,value,source_id\nu-1,p63:84,bts_stations,2024,"1,2,3",mine\n';
  await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.waitForFunction(() => document.querySelector('ict-compare').shadowRoot.querySelector('.notice').textContent.includes('bad.csv'));
  const notice = await page.locator('ict-compare .notice').textContent();
  assert.match(notice, /bad\.csv.*dòng 2, trường 5/);
  // The good figures are still there, the bad file loaded nothing.
  assert.match(await cell.textContent(), /15\.000/);
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
  assert.match(await dialog.locator('.embed-hosting').textContent(), /máy chủ của chính cổng thông tin.*ict_compare_bg\.wasm/);
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
  // The page preloads the engine and the chunks; a preload the script's own request did not
  // match would be fetched a second time.
  const twice = early.filter((file, i) => early.indexOf(file) !== i);
  assert.deepEqual(twice, [], `fetched twice: ${twice.join(', ')}`);
  await context.close();
});

test('indicator values match the data, for every bundled figure shown in a profile', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=profile&province=p63:44');
  const panel = page.locator('ict-compare .panel');
  const shown = await everyPage(panel, () => page.locator('ict-compare .pillar button.value .number').allTextContents());
  const qb = [...observations, ...tableObservations].filter((o) => o.province === 'p63:44');
  assert.equal(shown.length, qb.length);
  // Index scores show four decimals, as their publishers print them; the rest up to three.
  const vi = (n, digits) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(n).replace(/^(-?\d)(\d{3})(?!\d)/, '$1.$2');
  for (const o of qb.filter((x) => (x.qualifier || 'exact') === 'exact' && !x.out_of)) {
    const unit = indicators.get(o.indicator_id).unit;
    const expected = vi(Number(o.value), unit.startsWith('score_') ? 4 : 3) + (unit === 'percent' ? ' %' : '');
    assert.ok(shown.includes(expected), `${o.observation_id}: ${expected}`);
  }
  assert.deepEqual(problems(), []);
  await context.close();
});

test('keyboard only: add a province, open a quote, move between tabs', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:72&indicators=households_fibre_share');
  const input = page.locator('ict-compare .provinces-picker input');
  await input.focus();
  await page.keyboard.type('hai duong');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  const { head } = await tableText(page);
  assert.deepEqual(head.slice(1), ['Tây Ninh', 'Hải Dương']);
  // Tab forward until a value button has focus, then open its quote with Enter.
  let focused = '';
  for (let i = 0; i < 40 && !focused.includes('value'); i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.querySelector('ict-compare').shadowRoot.activeElement?.className ?? '');
  }
  assert.match(focused, /value/);
  await page.keyboard.press('Enter');
  await page.locator('ict-compare .provenance').waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await page.locator('ict-compare .provenance').waitFor({ state: 'hidden' });
  const back = await page.evaluate(() => document.querySelector('ict-compare').shadowRoot.activeElement?.className ?? '');
  assert.match(back, /value/, 'focus returns to the number');
  assert.deepEqual(problems(), []);
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
