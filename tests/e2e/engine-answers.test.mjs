// What the page offers and says comes from the engine's answers, as a reader meets it: per
// 100 000 people only where it means something, the pickers' counts of provinces, years and
// indicators, an indicator of one province said so, a reader's figure beside a published one
// listed in a notice with both figures, the table's CSV written by the engine, formulas
// neutralised, and a table's number opening the very figure it shows (per capita, rolled up).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, SCREENSHOTS } from './browser.mjs';
import { csvRows } from './csv.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

const figures = [
  ...csvRows(readFileSync('data/observations.csv', 'utf8')),
  ...csvRows(readFileSync('data/table_observations.csv', 'utf8')),
];
const indicators = new Map(csvRows(readFileSync('data/indicators.csv', 'utf8')).map((i) => [i.indicator_id, i]));

async function openFile(page, name, text) {
  await page.locator('ict-compare .open-file input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.waitForFunction((file) => document.querySelector('ict-compare').shadowRoot.querySelector('.notice')?.textContent.includes(file), name);
}

async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`ict-compare button[data-action=${action}]`).click()]);
  return readFileSync(await file.path(), 'utf8');
}

test('per 100 000 people is offered only for indicators that add up, and says why otherwise', async () => {
  const [index, count] = ['dti_score', 'bts_stations'];
  assert.deepEqual([indicators.get(index).aggregation, indicators.get(count).aggregation], ['mean', 'sum']);
  // An index alone, even with per capita asked in the address: disabled, unchecked, with the reason.
  const { page, context, problems } = await openPage(session.browser, session.origin, `/?provinces=p63:84,p63:72&indicators=${index}&perCapita=1`);
  const box = page.locator('ict-compare input[name=perCapita]');
  assert.equal(await box.isDisabled(), true);
  assert.equal(await box.isChecked(), false);
  const why = page.locator('ict-compare .per-capita .why');
  assert.match(await why.textContent(), /số đếm cộng dồn/);
  assert.equal(await box.getAttribute('aria-describedby'), await why.getAttribute('id'));
  // Nothing was divided: the table says no "shown as reported" either, since nothing was asked.
  assert.equal(await page.locator('ict-compare .warnings [data-code=perCapitaNotApplicable]').count(), 0);
  // The province view of the index: no per-capita request, so no refusal to show.
  await page.locator('ict-compare [role=tab][data-tab=province]').click();
  await page.locator('ict-compare .province-view').waitFor();
  assert.equal(await box.isDisabled(), true);
  assert.equal(await page.locator('ict-compare .panel [role=alert]').count(), 0);

  // A count: offered, and the table answers per 100 000 people.
  await page.goto(`${session.origin}/?lang=en&provinces=p63:84,p63:72&indicators=${count}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
  assert.equal(await box.isDisabled(), false);
  assert.equal(await why.count(), 0);
  await box.check();
  await page.waitForFunction(() => document.querySelector('ict-compare').shadowRoot.querySelector('table.compare .unit')?.textContent.includes('per 100,000 people'));
  // The count and the index together: offered (the count has a per-capita form), and the
  // index's column is said to be as reported.
  await page.goto(`${session.origin}/?lang=en&provinces=p63:84,p63:72&indicators=${count},${index}&perCapita=1`);
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
  assert.equal(await box.isChecked(), true);
  assert.equal(await page.locator('ict-compare .warnings [data-code=perCapitaNotApplicable]').count(), 1);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the pickers show the engine's counts: a province's indicators, an indicator's provinces and years", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:72&indicators=households_fibre_share');
  // Typed without diacritics, found, with its number of indicators.
  await page.locator('ict-compare .provinces-picker input').fill('tra vinh');
  const option = page.locator('ict-compare [role=option]').first();
  assert.equal(await option.locator('.name').textContent(), 'Trà Vinh');
  const own = new Set(figures.filter((f) => f.province === 'p63:84').map((f) => f.indicator_id));
  assert.equal(await option.locator('.count').textContent(), ` — ${own.size} chỉ tiêu`);
  await page.locator('ict-compare .provinces-picker input').press('Enter');
  await page.waitForFunction(() => document.querySelector('ict-compare').shadowRoot.querySelector('th[data-province="p63:84"]'));
  // The DTI: every province of the 63 that has it, and its years.
  const dti = figures.filter((f) => f.indicator_id === 'dti_score' && f.province.startsWith('p63:'));
  const years = [...new Set(dti.map((f) => f.period.slice(0, 4)))].sort();
  await page.locator('ict-compare .indicators-picker summary').click();
  const row = page.locator('ict-compare .indicators-picker .option').filter({ has: page.locator('input[value=dti_score]') });
  assert.equal(await row.locator('.count').textContent(), ` (${new Set(dti.map((f) => f.province)).size} tỉnh, ${years.length} năm (${years[0]}–${years.at(-1)}))`);
  // In the 34-province list the counts are the 34's.
  await page.locator('ict-compare select[name=scheme]').selectOption('p34');
  assert.match(await row.locator('.count').textContent(), /^ \(34 tỉnh, /);
  await page.locator('ict-compare .provinces-picker input').fill('ha noi');
  assert.match(await page.locator('ict-compare [role=option] .count').first().textContent(), /^ — \d+ chỉ tiêu$/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('an indicator only one province has says so in the table and in the province view', async () => {
  const byIndicator = new Map();
  for (const f of figures) {
    if (!f.province.startsWith('p63:')) continue;
    byIndicator.set(f.indicator_id, new Set([...(byIndicator.get(f.indicator_id) ?? []), f.province]));
  }
  const [single, [province]] = [...byIndicator].find(([, provinces]) => provinces.size === 1);
  const name = indicators.get(single).name_vi;
  const { page, context, problems } = await openPage(session.browser, session.origin, `/?provinces=${province},p63:01&indicators=${single}`);
  const note = page.locator('ict-compare .single-province');
  assert.match(await note.textContent(), /Chỉ một tỉnh có số liệu/);
  assert.ok((await note.textContent()).includes(name), await note.textContent());
  await page.goto(`${session.origin}/?tab=province&province=${province}&focus=${single}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
  assert.match(await page.locator('ict-compare .province-view .single').textContent(), /Chỉ một tỉnh có số liệu/);
  assert.equal(await page.locator('ict-compare .province-view ol.ranking').count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a reader's figure beside a published one: a notice lists both, in the table and the province view", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:72,p63:84&indicators=dti_score');
  await openFile(page, 'mine.csv', 'province,indicator_id,period,value,source_id\np63:72,dti_score,2024,0.9,mine\n');
  const notice = page.locator('ict-compare .panel .conflicts[role=status]');
  await notice.waitFor();
  assert.match(await notice.locator('.conflicts-title').textContent(), /cả hai đều được hiển thị/);
  const item = notice.locator('li');
  assert.equal(await item.count(), 1);
  assert.equal(await item.getAttribute('data-province'), 'p63:72');
  assert.match(await item.textContent(), /^Tây Ninh, Chỉ số chuyển đổi số cấp tỉnh \(DTI\), 2024: /);
  assert.equal(await item.locator('.conflict-user').textContent(), '◆ số của bạn: 0,9 (mine.csv)');
  assert.match(await item.locator('.conflict-published').textContent(), /^số công bố: 0,6274 \(/);
  // The cell: the reader's figure, marked, and the published one under it.
  const cell = page.locator('ict-compare td[data-province="p63:72"]');
  assert.equal(await cell.locator('button.value.user').count(), 1);
  assert.match(await cell.locator('button.value').textContent(), /^0,9/);
  assert.equal(await cell.locator('.published-beside').textContent(), 'số công bố: 0,6274');
  // Trà Vinh has no figure of the reader's: nothing beside its cell.
  assert.equal(await page.locator('ict-compare td[data-province="p63:84"] .published-beside').count(), 0);
  await page.locator('ict-compare button.lang').click();
  // The English words load when first asked for: the notice is read once redrawn in English.
  await notice.locator('.conflicts-title', { hasText: 'both are shown' }).waitFor();
  assert.equal(await item.locator('.conflict-user').textContent(), '◆ yours: 0.9 (mine.csv)');

  await page.locator('ict-compare [role=tab][data-tab=province]').click();
  const mine = page.locator('ict-compare .province-view .conflicts[role=status]');
  await mine.waitFor();
  assert.match(await mine.locator('li').first().textContent(), /Tây Ninh.*2024.*yours: 0\.9 .*published: 0\.6274/);
  await page.screenshot({ path: `${SCREENSHOTS}/conflict-notice.png`, fullPage: true });
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the table's CSV is the engine's: for Excel in Vietnamese, formulas neutralised, as the full export says", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:72,p63:84,p63:01,p63:44,p63:79,p63:48&indicators=bts_stations');
  const hostile = [
    'province,indicator_id,period,value,source_id,quote',
    'p63:72,bts_stations,2024,900,mine,"=HYPERLINK(""http://x.invalid"",""click"")"',
    'p63:84,bts_stations,2024,901,mine,+84 90 000',
    'p63:01,bts_stations,2024,902,mine,-1+1',
    'p63:44,bts_stations,2024,903,mine,@SUM(A1)',
    'p63:79,bts_stations,2024,904,mine,"\t=1+2"',
    'p63:48,bts_stations,2024,905,mine,"\r=3+4"',
  ].join('\n');
  await openFile(page, 'hostile.csv', `${hostile}\n`);
  const text = await download(page, 'csv');
  assert.ok(text.startsWith('\ufeffprovince;province_name;indicator;'), text.slice(0, 80));
  assert.ok(text.includes('\r\n'));
  const rows = csvRows(text.replace(/^\ufeff/, ''), ';');
  const cells = rows.flatMap((row) => Object.values(row));
  const dangerous = cells.filter((cell) => /^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-\d+(,\d+)?$/.test(cell)));
  assert.deepEqual(dangerous, []);
  for (const start of ["'=HYPERLINK(", "'+84 90", "'-1+1", "'@SUM(A1)"]) assert.ok(cells.some((c) => c.startsWith(start)), `${start} in ${text}`);
  // A tab or a carriage return first: trimmed as the file is read, or kept behind the apostrophe.
  assert.ok(cells.some((c) => /^'\t?=1\+2$/.test(c)), text);
  assert.ok(cells.some((c) => /^'\r?=3\+4$/.test(c)), text);
  const mine = rows.filter((r) => r.origin === 'user');
  assert.equal(mine.length, 6, text);
  // Each of the reader's rows says what the engine's export of the whole dataset says.
  const all = csvRows((await download(page, 'csv-all')).replace(/^\ufeff/, ''), ';');
  for (const row of mine) {
    const same = all.find((a) => a.origin === 'user' && a.province === row.province && a.indicator === row.indicator && a.period === row.period);
    assert.ok(same, `${row.province} in the full export`);
    assert.deepEqual([row.value, row.quote, row.source_id, row.province_name, row.unit], [same.value, same.quote, same.source_id, same.province_name, same.unit]);
  }
  // Per capita: a decimal comma, and the same rule for text.
  await page.locator('ict-compare input[name=perCapita]').check();
  const perCapita = csvRows((await download(page, 'csv')).replace(/^\ufeff/, ''), ';');
  const value = perCapita.find((r) => r.province === 'p63:72' && r.origin === 'user').value;
  assert.match(value, /^\d+,\d+$/);
  assert.equal(perCapita.find((r) => r.province === 'p63:72' && r.origin === 'user').unit, 'per_100000_people');
  assert.deepEqual(problems(), []);
  await context.close();
});

/** Opens the first number of the table and gives the popover's text. */
async function firstNumberOpened(page) {
  await page.locator('ict-compare table.compare button.value').first().click();
  // Visible at once, its quotes once the texts are in: both show how the figure was derived.
  const popover = page.locator('ict-compare .provenance', { hasText: 'Derived' });
  await popover.waitFor({ state: 'visible' });
  return popover.textContent();
}

test("a table's number opens the very figure it shows: per 100 000 people, and a 2025 province's roll-up", async () => {
  // Trà Vinh's BTS stations per 100 000 people: the number is not the count, and its quotes
  // are those of the figure per capita, as the cell's address asks.
  const stations = figures.find((f) => f.province === 'p63:84' && f.indicator_id === 'bts_stations');
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?lang=en&provinces=p63:84&indicators=bts_stations&perCapita=1&period=latest');
  const shown = await page.locator('ict-compare table.compare button.value .number').first().textContent();
  assert.notEqual(shown.replace(/\D/g, ''), String(Number(stations.value)), shown);
  assert.match(await firstNumberOpened(page), /Derived: per 100,000 people/);
  // Vĩnh Long (2025) in 2023, before it was one province: the roll-up of its three former
  // provinces' DTI of that year (its DTI of 2024 is published as it is).
  await page.goto(`${session.origin}/?lang=en&scheme=p34&provinces=p34:86&indicators=dti_score&period=2023`);
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
  assert.match(await firstNumberOpened(page), /Derived: combined from 3 of 3 former provinces/);
  assert.deepEqual(problems(), []);
  await context.close();
});
