// The chart and map tabs ask the engine once per reader's action and draw its answer: every
// method of the engine's Dataset is wrapped in the page to count its calls, then the reader
// opens a tab or moves its timeline. A refused map says the engine's reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage } from './browser.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

/**
 * Wraps every method of the page's Dataset so that `window.engineCalls` lists the calls. The
 * views' engine, which draws the chart and the map, is put in use first (the table's draws
 * neither), so that its Dataset's calls are the ones counted.
 */
async function countCalls(page) {
  await page.evaluate(async () => {
    const app = /** @type {any} */ (document.querySelector('ict-compare')).app;
    await app.useViews();
    const prototype = Object.getPrototypeOf(app.dataset);
    /** @type {string[]} */
    const calls = [];
    Object.assign(window, { engineCalls: calls });
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
      if (name === 'constructor' || typeof descriptor?.value !== 'function') continue;
      const method = descriptor.value;
      prototype[name] = function (...args) {
        calls.push(name);
        return method.apply(this, args);
      };
    }
  });
}

const calls = (page) => page.evaluate(() => /** @type {any} */ (window).engineCalls.splice(0));

test('opening the chart tab and moving its timeline each make exactly one engine call', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=table&provinces=p63:44,p63:84,p63:72&indicators=dti_score');
  await page.locator('ict-compare .panel table').first().waitFor();
  await countCalls(page);
  await page.locator('ict-compare [role=tab][data-tab=chart]').click();
  await page.locator('ict-compare .chart-container svg').first().waitFor();
  assert.deepEqual(await calls(page), ['chartView']);
  const slider = page.locator('ict-compare .panel [role=slider]');
  await slider.focus();
  await page.keyboard.press('Home');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('period') !== null);
  // The redrawn chart marks the year moved to: its call has been made once that mark is drawn.
  const period = await page.evaluate(() => new URL(location.href).searchParams.get('period'));
  await page.locator(`ict-compare .chart-container g.ict-year[data-year="${period}"]`).waitFor({ state: 'attached' });
  assert.deepEqual(await calls(page), ['chartView']);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('opening the map tab makes one engine call, and a refused map gives the engine\'s reason', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=table&provinces=p63:84,p63:44&indicators=vn_domain_names&lang=en');
  await page.locator('ict-compare .panel table').first().waitFor();
  await countCalls(page);
  await page.locator('ict-compare [role=tab][data-tab=map]').click();
  const refusal = page.locator('ict-compare .map-refused');
  await refusal.waitFor();
  assert.deepEqual(await calls(page), ['mapView']);
  assert.equal(await refusal.getAttribute('data-reason'), 'oneProvince');
  assert.match(await refusal.textContent(), /only one province/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the map's legend is the engine's bins and its table the engine's rank order", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=map&provinces=p63:44&indicators=dti_score&period=2023&lang=en');
  await page.locator('ict-compare .map-container svg').first().waitFor();
  const expected = await page.evaluate(() => {
    const app = /** @type {any} */ (document.querySelector('ict-compare')).app;
    const view = app.dataset.mapView({ provinces: ['p63:44'], indicators: ['dti_score'], period: 2023, scheme: 'p63' }, null);
    const name = (v) => app.provinces.get(v.province).name;
    return { bins: view.map.bins.length, count: view.map.values.length, first: name(view.map.values[0]), last: name(view.map.values.at(-1)) };
  });
  const legend = await page.locator('ict-compare .ict-map-legend rect').count();
  // One swatch per bin, and one for "no data" when a province has none.
  assert.ok(legend === expected.bins || legend === expected.bins + 1, `${legend} swatches for ${expected.bins} bins`);
  const rows = await page.locator('ict-compare .ict-map-table tbody th').allTextContents();
  assert.equal(rows[0], expected.first);
  assert.equal(rows[expected.count - 1], expected.last);
  assert.deepEqual(problems(), []);
  await context.close();
});
