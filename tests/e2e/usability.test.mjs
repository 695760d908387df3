// The defects a usability test found on the page, each as the reader met it: the indicator
// search that hid nothing, the "i" buttons that threw and drew out of view, and the hovered
// quote that stayed open beside another number.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, SCREENSHOTS } from './browser.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

test('the indicator search leaves only the indicators that match, and their pillars', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/');
  await page.locator('ict-compare .indicators-picker summary').click();
  const rows = page.locator('ict-compare .indicators-picker .option');
  const all = await rows.count();
  await page.locator('ict-compare .indicators-picker input[type=search]').fill('cap quang');
  const shown = await rows.evaluateAll((options) => options.filter((o) => o.getBoundingClientRect().height > 0).map((o) => o.textContent));
  assert.ok(shown.length > 0 && shown.length < all, `${shown.length} of ${all} shown`);
  for (const text of shown) assert.match(text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd'), /cap quang/i);
  // The pillars with no match are gone as well.
  const pillars = await page.locator('ict-compare .indicators-picker fieldset').evaluateAll((sets) => sets.map((f) => f.getBoundingClientRect().height > 0));
  assert.ok(pillars.includes(false) && pillars.includes(true), pillars.join(' '));
  await page.locator('ict-compare .indicators-picker input[type=search]').fill('');
  assert.equal(await rows.evaluateAll((options) => options.filter((o) => o.getBoundingClientRect().height > 0).length), all);
  assert.deepEqual(problems(), []);
  await context.close();
});

for (const width of [1280, 375]) {
  test(`every "i" button opens its definition inside the screen at ${width} px`, async () => {
    const { page, context, problems } = await openPage(session.browser, session.origin, '/', { viewport: { width, height: 800 } });
    if (width < 600) {
      const controls = page.locator('ict-compare button.controls-toggle');
      if (await controls.count()) await controls.click();
    }
    await page.locator('ict-compare .indicators-picker summary').click();
    const buttons = page.locator('ict-compare .indicators-picker button.info');
    const count = await buttons.count();
    assert.ok(count > 10, `${count} definitions`);
    for (const index of [0, Math.floor(count / 2), count - 1]) {
      const button = buttons.nth(index);
      await button.click();
      const popover = page.locator('ict-compare .provenance');
      await popover.waitFor({ state: 'visible' });
      const name = (await button.getAttribute('aria-label')).split(': ').slice(1).join(': ');
      assert.equal(await popover.locator('strong').textContent(), name);
      const box = await popover.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width + 0.5, `within the width: ${JSON.stringify(box)}`);
      const viewport = await page.evaluate(() => [window.scrollY, window.innerHeight]);
      assert.ok(box.y >= 0 && box.y + box.height <= viewport[1] + 0.5, `within the height: ${JSON.stringify(box)}`);
      await page.keyboard.press('Escape');
      await popover.waitFor({ state: 'hidden' });
    }
    if (width === 375) await page.screenshot({ path: `${SCREENSHOTS}/definition-375.png` });
    assert.deepEqual(problems(), []);
    await context.close();
  });
}

test("a hovered quote follows the pointer and never shows beside another number; a clicked one stays", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:84,p63:44,p63:72&indicators=households_fibre_share,households_smartphone_share');
  const values = page.locator('ict-compare table.compare button.value');
  const popover = page.locator('ict-compare .provenance');
  const [a, b] = [values.nth(0), values.nth(1)];
  await a.hover();
  await popover.waitFor({ state: 'visible' });
  const first = await popover.textContent();
  assert.equal(await a.getAttribute('aria-expanded'), 'true');
  await b.hover();
  await page.waitForFunction(() => document.querySelector('ict-compare').shadowRoot.querySelector('table.compare button.value[aria-expanded=true]') !== null);
  assert.equal(await b.getAttribute('aria-expanded'), 'true');
  assert.equal(await a.getAttribute('aria-expanded'), 'false');
  assert.notEqual(await popover.textContent(), first);
  // The pointer leaves: the hovered quote goes.
  await page.locator('ict-compare .title').hover();
  await popover.waitFor({ state: 'hidden' });
  // A click keeps it, whatever the pointer crosses afterwards.
  await a.click();
  await popover.waitFor({ state: 'visible' });
  await b.hover();
  await page.locator('ict-compare .title').hover();
  await page.waitForTimeout(600);
  assert.equal(await popover.isVisible(), true);
  assert.equal(await popover.textContent(), first);
  assert.deepEqual(problems(), []);
  await context.close();
});
