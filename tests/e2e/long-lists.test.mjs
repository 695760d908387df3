// Long lists stay short on screen: a reader's file of 100 000 rows, or of 20 000 distinct
// sources, is drawn a page at a time in every view (the rows drawn are counted here; how long
// each action takes is measured by `make bench`, never asserted), and the page's address does
// not grow with the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, SCREENSHOTS } from './browser.mjs';
import { csvRows } from './csv.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

/** At most this many rows of a list on screen at once: a screenful, whatever the file. */
const SCREENFUL = 25;

const provinces = csvRows(readFileSync('data/reference/provinces_2024.csv', 'utf8')).map((p) => `p63:${p.code ?? Object.values(p)[0]}`);
const HEADER = 'observation_id,province,indicator_id,period,value,source_id,quote\n';
const INDICATORS = ['bts_stations', 'households_fibre_share', 'bts_4g_share', 'state_agency_computers'];

/** A source id of the documented shape (`letters-year`), distinct for each `k`. */
function sourceId(k) {
  let letters = '';
  for (let n = k; ; n = Math.floor(n / 26) - 1) {
    letters = String.fromCharCode(97 + (n % 26)) + letters;
    if (n < 26) break;
  }
  return `src${letters}-2024`;
}

/**
 * `rows` valid figures from `sources` sources, each source about one province (the provinces
 * in turn), over a few indicators and many years; no observation ids (they are optional).
 */
function userFile(rows, sources) {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const source = i % sources;
    const indicator = INDICATORS[i % INDICATORS.length];
    const value = indicator.endsWith('_share') ? i % 100 : i % 5000;
    lines.push(`,${provinces[source % provinces.length]},${indicator},${1900 + (i % 120)},${value},${sourceId(source)},figure ${i}\n`);
  }
  return Buffer.from(lines.join(''));
}

async function open(page, name, bytes) {
  await page.locator('ict-compare .open-file input').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  await page.waitForFunction((file) => document.querySelector('ict-compare').shadowRoot.querySelector('.notice')?.textContent.includes(file), name, { timeout: 60000 });
}

/** Rows of every list the panel shows: table rows, report articles, profile entries. */
function rowsOnScreen(page) {
  return page.locator('ict-compare .panel').evaluate((panel) => ({
    tableRows: panel.querySelectorAll('tbody tr').length,
    sources: panel.querySelectorAll('article.source').length,
    entries: panel.querySelectorAll('.pillar dt').length,
    values: panel.querySelectorAll('button.value').length,
    elements: panel.querySelectorAll('*').length,
  }));
}

test('a file of 100 000 figures: every view draws a screenful', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:84&indicators=bts_stations', { viewport: { width: 1280, height: 900 } });
  INDICATORS.forEach((id) => assert.ok(readFileSync('data/indicators.csv', 'utf8').includes(`\n${id},`), id));
  const file = userFile(100_000, provinces.length);
  await open(page, 'big.csv', file);
  assert.match(await page.locator('ict-compare .notice').textContent(), /100\.000 số liệu/);
  const table = await rowsOnScreen(page);
  assert.ok(table.tableRows <= SCREENFUL, `table: ${table.tableRows} rows`);
  await page.locator('ict-compare [role=tab][data-tab=sources]').click();
  const mine = page.locator('ict-compare article.source[data-origin=user]').first();
  await mine.locator('summary').click();
  await mine.locator('table.source-figures').waitFor();
  const sources = await rowsOnScreen(page);
  assert.ok(sources.sources <= 10, `${sources.sources} reports`);
  assert.ok(sources.tableRows <= SCREENFUL, `${sources.tableRows} figures`);
  assert.ok(sources.elements < 1500, `${sources.elements} elements`);
  // The list pages on to its end, a page at a time.
  await mine.locator('.pager button[data-page=last]').click();
  // The first source of the file holds every 63rd row: 1 588 of them.
  assert.match(await mine.locator('.pager-status').textContent(), /^1\.581–1\.588 trên 1\.588$/);
  assert.ok((await rowsOnScreen(page)).tableRows <= SCREENFUL);
  await page.screenshot({ path: `${SCREENSHOTS}/long-list-sources-1280.png`, fullPage: true });
  await page.locator('ict-compare [role=tab][data-tab=profile]').click();
  await page.locator('ict-compare .pillar').first().waitFor();
  const profile = await rowsOnScreen(page);
  assert.ok(profile.entries <= SCREENFUL, `${profile.entries} profile entries`);
  assert.ok(profile.values <= SCREENFUL * 6, `${profile.values} figures in the profile`);
  assert.match(await page.locator('ict-compare .pillar .more').first().textContent(), /số liệu cũ hơn/);
  // The address holds the view, never the file: a few provinces and indicators were added.
  const search = new URL(page.url()).searchParams;
  assert.ok(search.get('provinces').split(',').length <= 1 + 8, search.get('provinces'));
  assert.ok(search.get('indicators').split(',').length <= 1 + 8, search.get('indicators'));
  assert.ok(page.url().length < 1000, `${page.url().length} characters`);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a file of 20 000 sources: the Sources view draws ten at a time', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=sources', { viewport: { width: 375, height: 812 } });
  await open(page, 'many-sources.csv', userFile(20_000, 20_000));
  const first = await rowsOnScreen(page);
  assert.ok(first.sources <= 10, `${first.sources} reports`);
  const bundled = csvRows(readFileSync('data/sources.csv', 'utf8')).length + csvRows(readFileSync('data/tables.csv', 'utf8')).length;
  const total = (20_000 + bundled).toLocaleString('de-DE').replace('.', '\\.');
  assert.match(await page.locator('ict-compare .panel > div > .pager .pager-status').textContent(), new RegExp(`^1–10 trên ${total}$`));
  // The reader's sources come first, in the order of the file, each marked as the reader's file.
  const top = page.locator('ict-compare article.source');
  assert.equal(await page.locator('ict-compare article.source[data-origin=user]').count(), 10);
  assert.equal(await top.first().getAttribute('data-source'), sourceId(0));
  assert.match(await top.first().locator('.user-badge').textContent(), /Tệp của bạn: many-sources\.csv/);
  await page.locator('ict-compare .panel > div > .pager button[data-page=next]').click();
  const second = page.locator('ict-compare article.source');
  assert.equal(await second.count(), 10);
  assert.equal(await page.locator('ict-compare article.source[data-origin=user]').count(), 10);
  assert.equal(await second.first().getAttribute('data-source'), sourceId(10));
  // The focus stays on the button pressed, so the keyboard pages on.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  assert.match(await page.locator('ict-compare .panel > div > .pager .pager-status').textContent(), new RegExp(`^31–40 trên ${total}$`));
  // The bundled reports and tables come last, after the reader's 20 000.
  await page.locator('ict-compare .panel > div > .pager button[data-page=last]').click();
  const last = await page.locator('ict-compare article.source').evaluateAll((articles) => articles.map((a) => a.dataset.origin));
  assert.equal(last.length, (20_000 + bundled - 1) % 10 + 1);
  assert.ok(last.every((origin) => origin === 'bundled'), last.join(' '));
  await page.screenshot({ path: `${SCREENSHOTS}/long-list-sources-375.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page does not scroll sideways (${overflow}px)`);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('an address too long, repeated or partly invalid gets one notice and none of it is applied', async () => {
  const cases = [
    [`/?tab=chart&provinces=${'p63:84,'.repeat(3000)}`, /đường dẫn quá dài/],
    ['/?tab=chart&tab=map', /tham số "tab" lặp lại/],
    ['/?tab=chart&provinces=p63:84,p63:84', /mục lặp lại trong "provinces"/],
    ['/?tab=chart&provinces=p63:84,p63:99', /tỉnh không tồn tại: p63:99/],
    ['/?tab=chart&indicators=bts_stations,no_such_thing', /chỉ số không tồn tại: no_such_thing/],
    ['/?tab=chart&provinces=p63:84,<b>', /giá trị không hợp lệ ở "provinces"/],
  ];
  const plain = await openPage(session.browser, session.origin, '/');
  const defaults = await plain.page.locator('ict-compare table.compare thead').textContent();
  await plain.context.close();
  for (const [path, said] of cases) {
    const { page, context, problems } = await openPage(session.browser, session.origin, path);
    const notices = page.locator('ict-compare .notice:visible');
    assert.equal(await notices.count(), 1, path.slice(0, 80));
    assert.match(await notices.textContent(), said, path.slice(0, 80));
    assert.match(await notices.textContent(), /không được áp dụng/);
    // Nothing of it was applied: the default tab and the default table.
    assert.equal(await page.locator('ict-compare [role=tab][aria-selected=true]').getAttribute('data-tab'), 'table', path.slice(0, 80));
    assert.equal(await page.locator('ict-compare table.compare thead').textContent(), defaults, path.slice(0, 80));
    assert.deepEqual(problems(), []);
    await context.close();
  }
});

test('the longest address the page can write (every province and indicator) reopens without a notice', async () => {
  const every = csvRows(readFileSync('data/indicators.csv', 'utf8')).map((i) => i.indicator_id);
  const p34 = csvRows(readFileSync('data/reference/provinces_2025.csv', 'utf8')).map((p) => `p34:${p.code ?? Object.values(p)[0]}`);
  const path = `/?lang=en&tab=profile&scheme=p63&period=2023&perCapita=1&provinces=${[...provinces, ...p34].join(',')}&indicators=${every.join(',')}&focus=${every[0]}&province=${provinces[0]}`;
  const { page, context, problems } = await openPage(session.browser, session.origin, path, { viewport: { width: 1280, height: 900 } });
  assert.equal(await page.locator('ict-compare .notice').isVisible(), false);
  assert.equal(await page.locator('ict-compare [role=tab][aria-selected=true]').getAttribute('data-tab'), 'profile');
  await page.locator('ict-compare [role=tab][data-tab=table]').click();
  assert.ok((await rowsOnScreen(page)).tableRows <= SCREENFUL);
  await page.locator('ict-compare .panel .pager button[data-page=next]').click();
  assert.match(await page.locator('ict-compare .panel .pager-status').textContent(), /^21–40 of /);
  await page.screenshot({ path: `${SCREENSHOTS}/table-pages-1280.png` });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('an address too long even for the server gets a page that says so and links back', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/');
  const response = await page.goto(`${session.origin}/?provinces=${'p63:84,'.repeat(12_000)}`);
  assert.equal(response.status(), 431);
  assert.match(await page.locator('body').textContent(), /Đường dẫn quá dài.*The address is too long/s);
  await page.locator('a[href="/"]').first().click();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.equal(await page.locator('ict-compare .notice').isVisible(), false);
  // The browser logs the refusal itself, and nothing else goes wrong.
  assert.deepEqual(problems().filter((p) => !p.includes('status of 431')), []);
  await context.close();
});
