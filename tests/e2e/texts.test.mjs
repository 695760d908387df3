// The bundled dataset's long texts (definitions, quotes, notes) arrive after the first view:
// the page draws without them, a number opened before they arrive shows its quote when they do
// (unless the reader dismissed it meanwhile), an "i" then opens at once, and a texts file of
// another build is refused, the reader told so in their language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './browser.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

const TABLE = '/?provinces=p63:84,p63:44,p63:72&indicators=households_fibre_share,dti_score';

/** A page whose texts file is answered by `answer(route)` when the test says so. */
async function withTexts(answer) {
  const context = await session.browser.newContext();
  const problems = [];
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let asked = 0;
  await context.route('**/ict_compare_texts.pack', async (route) => {
    asked += 1;
    await held;
    await answer(route);
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(session.origin + TABLE);
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 20000 });
  return { page, context, release, asked: () => asked, problems: () => problems.slice() };
}

test('the first view draws before the texts arrive, and what was opened meanwhile shows them when they do', async () => {
  const { page, context, release, asked, problems } = await withTexts((route) => route.continue());
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true');
  const values = page.locator('ict-compare table.compare button.value');
  assert.ok((await values.count()) >= 6, 'the table is drawn');
  // Asked for once the first view was drawn, and still held back.
  for (let i = 0; i < 100 && asked() === 0; i += 1) await page.waitForTimeout(20);
  assert.equal(asked(), 1);
  const popover = page.locator('ict-compare .provenance');
  // One number asked for and dismissed, another asked for: only the second opens.
  await values.nth(0).click();
  await page.keyboard.press('Escape');
  const number = values.nth(1);
  await number.click();
  await page.waitForTimeout(300);
  assert.equal(await popover.isVisible(), false, 'nothing to show before the texts');
  release();
  await popover.waitFor({ state: 'visible' });
  assert.equal(await number.getAttribute('aria-expanded'), 'true', 'beside the number asked for');
  assert.equal(await values.nth(0).getAttribute('aria-expanded'), 'false');
  assert.match(await popover.textContent(), /“.+”|·/, 'a quote or a table cell');
  await page.keyboard.press('Escape');
  await popover.waitFor({ state: 'hidden' });
  // An "i" now opens at once, its definition and, for an index, its methodology.
  await page.locator('ict-compare .indicators-picker summary').click();
  const info = page.locator('ict-compare .indicators-picker button.info');
  await info.first().click();
  await popover.waitFor({ state: 'visible' });
  const paragraphs = await popover.locator('p').allTextContents();
  assert.ok(paragraphs.length >= 1 && paragraphs[0].length > 20, paragraphs.join(' | '));
  assert.equal(asked(), 1, 'fetched once');
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a texts file of another build is refused: the reader is told, the figures stay, nothing is misattributed", async () => {
  const other = Buffer.concat([Buffer.from('ict-compare texts 2\n'), Buffer.alloc(8, 7), Buffer.from([0, 0])]);
  const { page, context, release, problems } = await withTexts((route) => route.fulfill({ status: 200, body: other }));
  release();
  const popover = page.locator('ict-compare .provenance');
  const number = page.locator('ict-compare table.compare button.value').first();
  await number.click();
  await popover.waitFor({ state: 'visible' });
  assert.match(await popover.textContent(), /Chưa tải được định nghĩa và trích dẫn/);
  assert.doesNotMatch(await popover.textContent(), /“/);
  // The download that needs them says the same beside its button, and offers no file.
  await page.keyboard.press('Escape');
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.locator('ict-compare button[data-action=csv-all]').click();
  await popover.waitFor({ state: 'visible' });
  assert.match(await popover.textContent(), /Chưa tải được/);
  assert.equal(downloads, 0);
  assert.ok((await page.locator('ict-compare table.compare button.value').count()) >= 6, 'the table stays');
  // A reader's file waits for the quotes too: it is not loaded, and the notice says why.
  await page.keyboard.press('Escape');
  const csv = 'observation_id,province,indicator_id,period,value,source_id\nmine-1,p63:84,bts_stations,2024,1300,my-count\n';
  await page.locator('ict-compare .open-file input').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const notice = page.locator('ict-compare .notice');
  await page.waitForFunction(() => /Chưa tải được/.test(document.querySelector('ict-compare').shadowRoot.querySelector('.notice')?.textContent ?? ''));
  assert.equal(await notice.evaluate((n) => n.classList.contains('error')), true);
  assert.doesNotMatch(await notice.textContent(), /pack|404|Error/);
  // The views' engine, made after the refused texts, still draws what needs none of them.
  await page.locator('ict-compare [role=tab][data-tab=chart]').click();
  await page.locator('ict-compare .chart-container svg').first().waitFor();
  assert.deepEqual(problems(), []);
  await context.close();
});
