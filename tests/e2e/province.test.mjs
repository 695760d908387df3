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
  await page.locator('ict-compare [role=slider]').press('ArrowRight');
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
  assert.match(await refused.textContent(), /^Không vẽ được bản đồ Số tên miền[^:]*: chỉ 1 tỉnh có số liệu/);
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
  await page.locator('ict-compare .map-container svg').first().waitFor();
  assert.equal(await page.locator('ict-compare .panel [role=slider]').getAttribute('aria-valuenow'), String(years[0]));
  assert.deepEqual(problems(), []);
  await context.close();
});
