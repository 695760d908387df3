// The national indices in the page, in real Chromium: the pickers offer them, the map colours
// every province for the DTI and for PAPI, and a number read from a published table opens the
// table, row, column and cell behind it, the publisher's page and the publisher's credit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, SCREENSHOTS } from './browser.mjs';
import { csvRows } from './csv.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

const figures = csvRows(readFileSync('data/table_observations.csv', 'utf8'));
const tables = new Map(csvRows(readFileSync('data/tables.csv', 'utf8')).map((t) => [t.source_id, t]));

/** The popover's table-cell block for the first value button of the table, as text. */
async function cellPopover(page) {
  await page.locator('ict-compare table.compare button.value').first().click();
  const block = page.locator('ict-compare .provenance figure.table-cell');
  await block.waitFor({ state: 'visible' });
  return block.evaluate((figure) => ({
    terms: [...figure.querySelectorAll('dt')].map((d) => d.textContent),
    details: [...figure.querySelectorAll('dd')].map((d) => d.textContent),
    caption: figure.querySelector('figcaption').textContent,
    links: [...figure.querySelectorAll('a')].map((a) => a.getAttribute('href')),
  }));
}

test('a DTI figure opens its table, row, column and cell, with the ministry credited and linked', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:17&indicators=dti_score&period=2023');
  const figure = figures.find((f) => f.source_id === 'dti-2023' && f.province === 'p63:17');
  const table = tables.get('dti-2023');
  const shown = await cellPopover(page);
  assert.deepEqual(shown.terms, ['Bảng', 'Hàng', 'Cột', 'Ô']);
  // The row is the province exactly as the table publishes it, not the reference spelling.
  assert.deepEqual(shown.details, [table.title, 'Hoà Bình', 'pdti', figure.cell]);
  assert.ok(shown.caption.includes(table.attribution), shown.caption);
  assert.deepEqual(shown.links, [table.url]);
  // The number itself is shown to the four decimals the ministry publishes.
  const value = await page.locator('ict-compare table.compare button.value .number').first().textContent();
  assert.equal(value, figure.value.replace('.', ','));
  await page.screenshot({ path: `${SCREENSHOTS}/table-cell-popover.png` });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a PAPI figure credits UNDP/CECODES in the popover, the sources view and the footer', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:72&indicators=papi_e_governance&period=2018&lang=en');
  const figure = figures.find((f) => f.source_id === 'papi-2018' && f.province === 'p63:72');
  const shown = await cellPopover(page);
  assert.deepEqual(shown.terms, ['Table', 'Row', 'Column', 'Cell']);
  assert.deepEqual(shown.details.slice(1), ['Tây Ninh', 'd8_e_governance', figure.cell]);
  assert.ok(shown.caption.includes('PAPI 2018, UNDP/CECODES'), shown.caption);
  assert.deepEqual(shown.links, ['https://papi.org.vn/']);
  // Kept as stored (float32 noise and all), shown to four decimals.
  const value = await page.locator('ict-compare table.compare button.value .number').first().textContent();
  assert.equal(value, Number(figure.value).toFixed(4).replace(/0+$/, ''));
  assert.match(await page.locator('ict-compare footer').textContent(), /PAPI 2024, UNDP\/CECODES/);

  await page.keyboard.press('Escape');
  await page.locator('ict-compare [role=tab][data-tab=sources]').click();
  const article = page.locator('ict-compare article.source[data-source="papi-2018"]');
  await article.waitFor();
  const meta = await article.locator('.meta').allTextContents();
  assert.ok(meta.some((m) => m.includes('PAPI 2018, UNDP/CECODES')), meta.join(' | '));
  assert.ok(meta.some((m) => m.includes('github.com/tunah72/papi-dashboard')), meta.join(' | '));
  assert.equal(await article.locator('a').getAttribute('href'), 'https://papi.org.vn/');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the indicator picker offers the DTI and PAPI under their pillars', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:84&indicators=households_fibre_share');
  await page.locator('ict-compare .indicators-picker summary').click();
  const offered = await page.locator('ict-compare .indicators-picker input[type=checkbox]').evaluateAll((boxes) => boxes.map((b) => b.value));
  for (const id of ['dti_score', 'papi_e_governance']) assert.ok(offered.includes(id), `${id} offered`);
  await page.locator('ict-compare .indicators-picker input[value=dti_score]').check();
  await page.locator('ict-compare table.compare').filter({ hasText: 'Chỉ số chuyển đổi số cấp tỉnh (DTI)' }).waitFor();
  assert.match(new URL(page.url()).search, /indicators=households_fibre_share(%2C|,)dti_score/);
  assert.deepEqual(problems(), []);
  await context.close();
});

/** The map's provinces: how many are coloured, how many have no figure, how many colours. */
async function mapColours(page) {
  await page.locator('ict-compare .map-container svg path.province').first().waitFor({ timeout: 15000 });
  return page.locator('ict-compare .map-container svg path.province').evaluateAll((paths) => ({
    coloured: paths.filter((p) => !p.classList.contains('no-data')).length,
    missing: paths.filter((p) => p.classList.contains('no-data')).map((p) => p.dataset.id),
    colours: new Set(paths.filter((p) => !p.classList.contains('no-data')).map((p) => p.getAttribute('fill'))).size,
  }));
}

test('the map colours every province for the DTI and PAPI, and leaves the gaps hatched', async () => {
  const base = '/?provinces=p63:84&indicators=dti_score,papi_e_governance&tab=map';
  const { page, context, problems } = await openPage(session.browser, session.origin, `${base}&focus=dti_score&period=2023`);
  let map = await mapColours(page);
  assert.equal(map.coloured, 63);
  assert.deepEqual(map.missing, []);
  assert.ok(map.colours >= 3, `${map.colours} colours`);
  await page.screenshot({ path: `${SCREENSHOTS}/map-dti-2023.png`, fullPage: true });
  await context.close();

  // PAPI 2021 has no e-governance score for Bắc Giang, Bắc Ninh and Quảng Ninh.
  const second = await openPage(session.browser, session.origin, `${base}&focus=papi_e_governance&period=2021`);
  map = await mapColours(second.page);
  assert.equal(map.coloured, 60);
  assert.deepEqual(map.missing.sort(), ['p63:22', 'p63:24', 'p63:27']);
  assert.ok(map.colours >= 3, `${map.colours} colours`);
  await second.page.screenshot({ path: `${SCREENSHOTS}/map-papi-2021.png`, fullPage: true });
  assert.deepEqual([...problems(), ...second.problems()], []);
  await second.context.close();
});
