// "My province among all" as a portal reader meets it: the headlines with rank and change, the
// ranking of every province with the averages, the timeline by keyboard, a quote opened from the
// ranking, an indicator only one province has, and the 2025 list's lower bounds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, SCREENSHOTS } from './browser.mjs';
import { csvRows } from './csv.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

const published = csvRows(readFileSync('data/table_observations.csv', 'utf8'));
const editions = csvRows(readFileSync('data/editions.csv', 'utf8'));
const vi = (value) => value.replace('.', ',');

test('a province set in the address opens on its headlines and its place among all', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?province=p63:44', { viewport: { width: 1280, height: 900 } });
  assert.equal(await page.locator('ict-compare [role=tab][data-tab=province]').getAttribute('aria-selected'), 'true');
  const dti = published.filter((o) => o.province === 'p63:44' && o.indicator_id === 'dti_score').sort((a, b) => a.period.localeCompare(b.period));
  const latest = dti.at(-1);
  const card = page.locator('ict-compare .headline[data-indicator=dti_score]');
  // Four decimals, as the ministry publishes them, and a rank out of the 63.
  assert.equal(await card.locator('.headline-value').textContent(), vi(latest.value));
  assert.match(await card.locator('.place').textContent(), /^Hạng \d+( \(đồng hạng\))? \/ 63$/);
  assert.match(await card.locator('.change').textContent(), new RegExp(`so với ${dti.at(-2).period}$`));
  // Every province with a DTI figure, the chosen one marked, the averages drawn.
  const rows = page.locator('ict-compare ol.ranking > li');
  const withFigure = new Set(published.filter((o) => o.indicator_id === 'dti_score' && o.period === latest.period && o.province.startsWith('p63:')).map((o) => o.province));
  assert.equal(await rows.count(), withFigure.size);
  const chosen = page.locator('ict-compare ol.ranking > li.chosen');
  assert.equal(await chosen.getAttribute('data-province'), 'p63:44');
  assert.equal(await chosen.locator('button.value').textContent(), vi(latest.value));
  assert.match(await page.locator('ict-compare .references').textContent(), /Cả nước: 0,\d{4}/);
  assert.ok(await page.locator('ict-compare .reference-line.national').count() >= withFigure.size);
  // Open a quote from the ranked chart: the published table behind the number.
  await chosen.locator('button.value').click();
  const popover = page.locator('ict-compare .provenance');
  await popover.waitFor({ state: 'visible' });
  assert.match(await popover.textContent(), /DTI/);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: `${SCREENSHOTS}/province-1280.png`, fullPage: true });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the timeline moves by keyboard, and the ranking follows the year', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?province=p63:44&tab=province');
  const slider = page.locator('ict-compare .timeline [role=slider]');
  const years = (await slider.locator('.stop').allTextContents()).map(Number);
  assert.ok(years.length >= 2, years.join(' '));
  assert.equal(Number(await slider.getAttribute('aria-valuenow')), years.at(-1));
  assert.match(await slider.getAttribute('aria-valuetext'), /mới nhất/);
  await slider.focus();
  await page.keyboard.press('Home');
  await page.waitForFunction((y) => document.querySelector('ict-compare').shadowRoot.querySelector('[role=slider]')?.getAttribute('aria-valuenow') === String(y), years[0]);
  assert.match(await page.locator('ict-compare .ranking-title').textContent(), new RegExp(`· ${years[0]}$`));
  const first = published.find((o) => o.province === 'p63:44' && o.indicator_id === 'dti_score' && o.period === String(years[0]));
  assert.equal(await page.locator('ict-compare ol.ranking > li.chosen button.value').textContent(), vi(first.value));
  // The redrawn slider keeps the focus: the next key moves it again.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((y) => document.querySelector('ict-compare').shadowRoot.querySelector('[role=slider]')?.getAttribute('aria-valuenow') === String(y), years[1]);
  await page.locator('ict-compare [role=slider]').press('End');
  await page.waitForFunction(() => /mới nhất/.test(document.querySelector('ict-compare').shadowRoot.querySelector('[role=slider]')?.getAttribute('aria-valuetext') ?? ''));
  assert.deepEqual(problems(), []);
  await context.close();
});

test('an indicator only one province has says so instead of ranking one bar', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?province=p63:84&tab=province&focus=vn_domain_names');
  const single = page.locator('ict-compare .empty-state.single');
  assert.match(await single.textContent(), /Chỉ một tỉnh có số liệu/);
  assert.equal(await page.locator('ict-compare ol.ranking').count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('in the 34-province list a partial sum reads as a lower bound, with how many former provinces it covers', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?province=p63:84&tab=province&scheme=p34&focus=postal_service_points', { viewport: { width: 375, height: 812 } });
  const chosen = page.locator('ict-compare ol.ranking > li.chosen button.value');
  assert.match(await chosen.textContent(), /^≥ 247 \(1\/\d tỉnh cũ\)$/);
  await page.screenshot({ path: `${SCREENSHOTS}/province-p34-375.png`, fullPage: true });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the map draws the chosen indicator or says why it cannot, never another one under its name', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=map&provinces=p63:84&indicators=vn_domain_names');
  const refused = page.locator('ict-compare .map-refused');
  assert.match(await refused.textContent(), /^Không vẽ được bản đồ Số tên miền[^:]*: chỉ một tỉnh có số liệu/);
  assert.equal(await refused.getAttribute('data-reason'), 'oneProvince');
  assert.equal(await page.locator('ict-compare .map-container').count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the map has the same timeline, and follows the year chosen with the keyboard', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=map&provinces=p63:44&indicators=dti_score');
  const slider = page.locator('ict-compare .panel [role=slider]');
  const years = (await slider.locator('.stop').allTextContents()).map(Number);
  const dtiYears = [...new Set(published.filter((o) => o.indicator_id === 'dti_score').map((o) => Number(o.period)))].sort();
  assert.deepEqual(years, dtiYears);
  await slider.focus();
  await page.keyboard.press('Home');
  await page.waitForFunction((y) => new URL(location.href).searchParams.get('period') === String(y), years[0]);
  // The address changes first; the map and its slider, which must then show the year, are
  // drawn again from the engine's answer (a slider that never shows it times the test out).
  await page.waitForFunction((y) => document.querySelector('ict-compare').shadowRoot
    .querySelector('.panel [role=slider]')?.getAttribute('aria-valuenow') === String(y), years[0]);
  await page.locator('ict-compare .map-container svg').first().waitFor();
  assert.deepEqual(problems(), []);
  await context.close();
});

// Boxes that share more than a pixel's sliver of area.
const overlap = (a, b) => Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1;

for (const width of [1280, 375]) {
  test(`the years are a line chart with the province, its region and the country named at their ends, and the method's break marked, at ${width} px`, async () => {
    const { page, context, problems } = await openPage(session.browser, session.origin, '/?province=p63:44', { viewport: { width, height: 900 } });
    const chart = page.locator('ict-compare figure.series svg[role=img]');
    await chart.waitFor();
    const region = (await page.locator('ict-compare .province-header .region').textContent()).replace(/^ · /, '');
    const ends = page.locator('ict-compare figure.series .series-end');
    assert.deepEqual(await ends.evaluateAll((groups) => groups.map((g) => g.getAttribute('class')).sort()), ['series-end national', 'series-end province', 'series-end regional']);
    assert.equal(await page.locator('ict-compare .series-end.province text').textContent(), 'Quảng Bình');
    // A long name is wrapped over lines (tspans), read as one.
    const regional = await page.locator('ict-compare .series-end.regional tspan').allTextContents();
    assert.equal(regional.join(' '), region);
    assert.equal(await page.locator('ict-compare .series-end.national text').textContent(), 'Cả nước');
    // No two names overlap, and each stays inside the drawing.
    const boxes = await ends.evaluateAll((groups) => groups.map((g) => g.querySelector('text').getBoundingClientRect().toJSON()));
    const frame = await chart.boundingBox();
    for (const [i, a] of boxes.entries()) {
      assert.ok(a.x >= frame.x - 0.5 && a.x + a.width <= frame.x + frame.width + 0.5, `inside: ${JSON.stringify(a)} ${JSON.stringify(frame)}`);
      for (const b of boxes.slice(i + 1)) assert.ok(!overlap(a, b), `${JSON.stringify(a)} and ${JSON.stringify(b)}`);
    }
    // The DTI's second edition starts a new method: a mark at its first year, and a note that says so.
    const edition = editions.filter((e) => e.indicator_id === 'dti_score').sort((a, b) => a.first_period.localeCompare(b.first_period))[1];
    assert.equal(await page.locator(`ict-compare .series-break[data-year="${edition.first_period}"]`).count(), 1);
    assert.match(await page.locator(`ict-compare .series .breaks li[data-year="${edition.first_period}"]`).textContent(), new RegExp(`^Đổi phương pháp ${edition.first_period}: .*${edition.note_vi}$`));
    assert.ok(await page.locator('ict-compare .series-line.province line.crosses-break').count() >= 1);
    // The province's line is drawn wider than the averages.
    const widths = await page.locator('ict-compare .series-line line:not(.crosses-break)').evaluateAll((lines) => Object.fromEntries(lines.map((l) => [l.parentElement.classList[1], Number(l.getAttribute('stroke-width'))])));
    assert.ok(widths.province > widths.national && widths.province > widths.regional, JSON.stringify(widths));
    // Nothing is wider than the screen.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width);
    await page.locator('ict-compare figure.series').screenshot({ path: `${SCREENSHOTS}/province-series-${width}.png` });
    // The table button shows the same figures as a table in the chart's place.
    const toggle = page.locator('ict-compare .series-toggle');
    assert.equal(await toggle.textContent(), 'Bảng');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await chart.isVisible(), false);
    const rows = page.locator('ict-compare .series-table tbody tr');
    assert.equal(await rows.count(), 3);
    const dti = published.filter((o) => o.province === 'p63:44' && o.indicator_id === 'dti_score').sort((a, b) => a.period.localeCompare(b.period));
    assert.equal(await rows.first().locator('td').last().textContent(), vi(dti.at(-1).value));
    assert.ok(await rows.first().isVisible());
    await toggle.click();
    await chart.waitFor();
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

test("the province's map colours every province with a figure for the year and outlines the chosen one", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?province=p63:44', { viewport: { width: 1280, height: 900 } });
  const map = page.locator('ict-compare .province-view .province-map svg.ict-map-svg');
  await map.waitFor();
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.ok(fetched.some((p) => p.endsWith('vn63_odm.topojson')), 'the map brought its boundaries');
  // The chosen province is outlined; every province with a published DTI figure of the latest
  // year is coloured, and no other.
  assert.equal(await map.locator('.ict-map-outlined').getAttribute('data-id'), 'p63:44');
  const latest = published.filter((o) => o.indicator_id === 'dti_score' && o.province.startsWith('p63:')).map((o) => o.period).sort().at(-1);
  const withFigure = new Set(published.filter((o) => o.indicator_id === 'dti_score' && o.period === latest && o.province.startsWith('p63:')).map((o) => o.province));
  const coloured = await map.locator('path.province:not(.no-data)').evaluateAll((paths) => paths.map((p) => p.getAttribute('data-id')));
  assert.deepEqual(new Set(coloured), withFigure);
  assert.match(await map.locator('title').first().textContent(), new RegExp(`· ${latest}$`));
  // The timeline moves the map too: Home goes to the first year.
  const slider = page.locator('ict-compare .province-view [role=slider]');
  await slider.focus();
  await page.keyboard.press('Home');
  const first = published.filter((o) => o.indicator_id === 'dti_score').map((o) => o.period).sort()[0];
  const title = (await map.locator('title').first().textContent()).replace(/\d{4}$/, first);
  await page.locator(`ict-compare .province-map svg.ict-map-svg > title:text-is("${title}")`).waitFor({ state: 'attached' });
  assert.equal(await page.locator('ict-compare .province-map .ict-map-outlined').getAttribute('data-id'), 'p63:44');
  await page.screenshot({ path: `${SCREENSHOTS}/province-map-1280.png`, fullPage: true });
  assert.deepEqual(problems(), []);
  await context.close();
});
