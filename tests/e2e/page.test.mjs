// The page as a reader uses it, in real Chromium: first sight, choosing provinces by typing
// without diacritics, tabs by keyboard, quotes behind numbers, languages, shared links, the
// reader's own CSV, and screenshots to look at. What the page gives away (downloads, the embed
// snippets) and what it weighs are in page-exports.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, SCREENSHOTS } from './browser.mjs';
import { csvRows } from './csv.mjs';
import { everyPage, tableText } from './views.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

const observations = csvRows(readFileSync('data/observations.csv', 'utf8'));
const tableObservations = csvRows(readFileSync('data/table_observations.csv', 'utf8'));
const sourceCount = csvRows(readFileSync('data/sources.csv', 'utf8')).length + csvRows(readFileSync('data/tables.csv', 'utf8')).length;
const indicators = new Map(csvRows(readFileSync('data/indicators.csv', 'utf8')).map((i) => [i.indicator_id, i]));

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
