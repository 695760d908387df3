// The chart and the map as one view of one year: the chart tab's timeline (the same component
// as "My province" and the map's) moves the chart's year by keyboard and the map follows; and
// an image is offered for download only when there is one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, SCREENSHOTS } from './browser.mjs';
import { csvRows } from './csv.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

const published = csvRows(readFileSync('data/table_observations.csv', 'utf8'));
const dtiYears = [...new Set(published.filter((o) => o.indicator_id === 'dti_score').map((o) => Number(o.period)))].sort();
const editions = csvRows(readFileSync('data/editions.csv', 'utf8'));

test("the chart's lines across the DTI's change of method mark it, dotted across it, and say so", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=chart&provinces=p63:44,p63:84&indicators=dti_score');
  await page.locator('ict-compare .chart-container svg').first().waitFor();
  // The DTI's second edition starts a new method: one mark at its first year, named.
  const edition = editions.filter((e) => e.indicator_id === 'dti_score').sort((a, b) => a.first_period.localeCompare(b.first_period))[1];
  const mark = page.locator(`ict-compare .chart-container g.ict-break[data-year="${edition.first_period}"]`);
  assert.equal(await mark.count(), 1);
  assert.ok((await page.locator('ict-compare .chart-container svg').first().textContent()).includes('Đổi phương pháp'));
  // Each province's segment across it is dotted, and only that one: two provinces, two segments.
  const across = page.locator('ict-compare .chart-container g.ict-across path');
  assert.equal(await across.count(), 2);
  assert.deepEqual(await across.evaluateAll((paths) => paths.map((p) => p.closest('g').getAttribute('stroke-dasharray') ?? p.getAttribute('stroke-dasharray'))), ['1 5', '1 5']);
  const solid = dtiYears.filter((y) => y < Number(edition.first_period)).length - 1;
  assert.equal(await page.locator('ict-compare .chart-container g.ict-lines path').count(), 2 * solid);
  // The warning above the chart says so, naming the indicator.
  assert.match(await page.locator('ict-compare .warnings [data-code=methodBreak]').textContent(), /^Chỉ số chuyển đổi số cấp tỉnh \(DTI\): phương pháp tính đổi/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the chart tab's timeline moves the chart's year with Home, arrows and End, and the map shows the same year", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=chart&provinces=p63:44,p63:84&indicators=dti_score');
  const slider = page.locator('ict-compare .panel [role=slider]');
  assert.deepEqual((await slider.locator('.stop').allTextContents()).map(Number), dtiYears);
  const year = page.locator('ict-compare .chart-container g.ict-year');
  await year.waitFor({ state: 'attached' });
  assert.equal(await year.getAttribute('data-year'), String(dtiYears.at(-1)));
  await slider.focus();
  await page.keyboard.press('Home');
  await page.waitForFunction((y) => new URL(location.href).searchParams.get('period') === String(y), dtiYears[0]);
  await page.waitForFunction((y) => document.querySelector('ict-compare').shadowRoot.querySelector('.chart-container g.ict-year')?.getAttribute('data-year') === String(y), dtiYears[0]);
  // The slider keeps the focus through the redraw, so the keys go on working.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((y) => document.querySelector('ict-compare').shadowRoot.querySelector('.chart-container g.ict-year')?.getAttribute('data-year') === String(y), dtiYears[1]);
  assert.equal(await page.locator('ict-compare .panel [role=slider]').getAttribute('aria-valuenow'), String(dtiYears[1]));
  // The map opens on that year: its slider, and each province's figure of that year.
  await page.locator('ict-compare [role=tab][data-tab=map]').click();
  await page.locator('ict-compare .map-container svg').first().waitFor();
  assert.equal(await page.locator('ict-compare .panel [role=slider]').getAttribute('aria-valuenow'), String(dtiYears[1]));
  const mapped = await page.locator('ict-compare .ict-map-table tbody td').allTextContents();
  assert.ok(mapped.length > 0 && mapped.every((text) => text.endsWith(`(${dtiYears[1]})`)), mapped.slice(0, 3).join(' | '));
  // End on the map: back to the latest, and the chart follows.
  await page.locator('ict-compare .panel [role=slider]').press('End');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('period') === null);
  await page.locator('ict-compare [role=tab][data-tab=chart]').click();
  await page.waitForFunction((y) => document.querySelector('ict-compare').shadowRoot.querySelector('.chart-container g.ict-year')?.getAttribute('data-year') === String(y), dtiYears.at(-1));
  assert.deepEqual(problems(), []);
  await context.close();
});

for (const width of [1280, 375]) {
  test(`the chart tab with its timeline fits the screen at ${width} px`, async () => {
    const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=chart&provinces=p63:44,p63:84,p63:72&indicators=dti_score', { viewport: { width, height: 900 } });
    await page.locator('ict-compare .chart-container svg').first().waitFor();
    await page.locator('ict-compare .panel [role=slider]').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width);
    await page.locator('ict-compare .panel').screenshot({ path: `${SCREENSHOTS}/chart-tab-${width}.png` });
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

for (const width of [1280, 375]) {
  test(`the map tab with its timeline and legend fits the screen at ${width} px`, async () => {
    const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=map&provinces=p63:44,p63:84,p63:72&indicators=dti_score&lang=en', { viewport: { width, height: 900 } });
    await page.locator('ict-compare .map-container svg').first().waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width);
    // Every legend swatch has a colour of its own.
    const fills = await page.locator('ict-compare .ict-map-legend rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
    assert.equal(new Set(fills).size, fills.length, fills.join(' '));
    await page.locator('ict-compare .panel').screenshot({ path: `${SCREENSHOTS}/map-tab-${width}.png` });
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

test('a map that is drawn offers its image; a refused map offers none', async () => {
  const drawn = await openPage(session.browser, session.origin, '/?tab=map&provinces=p63:44&indicators=dti_score');
  await drawn.page.locator('ict-compare .map-container svg').first().waitFor();
  assert.equal(await drawn.page.locator('ict-compare .toolbar button[data-action=svg]').count(), 1);
  assert.equal(await drawn.page.locator('ict-compare .toolbar button[data-action=png]').count(), 1);
  await drawn.context.close();
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=map&provinces=p63:84&indicators=vn_domain_names');
  await page.locator('ict-compare .map-refused').waitFor();
  assert.equal(await page.locator('ict-compare .toolbar button[data-action=svg], ict-compare .toolbar button[data-action=png]').count(), 0);
  // The timeline stays, to map another year from here.
  assert.equal(await page.locator('ict-compare .panel [role=slider]').count(), 1);
  // The table's download is still there: only the image is withheld.
  assert.equal(await page.locator('ict-compare .toolbar button[data-action=csv-all]').count(), 1);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a chart with nothing to draw says so and offers no image', async () => {
  // Trà Vinh has no figure of an indicator that only Quảng Bình reports.
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=chart&provinces=p63:84&indicators=vn_domain_names');
  await page.locator('ict-compare .panel .empty-state').waitFor();
  assert.equal(await page.locator('ict-compare .chart-container svg').count(), 0);
  assert.equal(await page.locator('ict-compare .toolbar button[data-action=svg], ict-compare .toolbar button[data-action=png]').count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the best bar of an indicator where lower is better is called the lowest, not the highest', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=table&provinces=p63:01,p63:44,p63:72&indicators=people_per_postal_point');
  await page.locator('ict-compare .open-file input').setInputFiles({
    name: 'mine.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('province,indicator_id,period,value,source_id\np63:01,people_per_postal_point,2024,900,mine\np63:44,people_per_postal_point,2024,500,mine\np63:72,people_per_postal_point,2024,700,mine\n'),
  });
  await page.locator('ict-compare .panel table td .value').first().waitFor();
  await page.locator('ict-compare [role=tab][data-tab=chart]').click();
  const chart = page.locator('ict-compare .chart-container svg').first();
  await chart.waitFor();
  assert.match(await chart.textContent(), /Thấp nhất \(chắc chắn\)/);
  assert.doesNotMatch(await chart.textContent(), /Cao nhất/);
  assert.deepEqual(problems(), []);
  await context.close();
});
