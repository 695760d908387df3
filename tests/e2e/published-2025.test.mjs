// Figures published for the 34 provinces of 2025 are shown as published, in real Chromium: the
// table, the map and the profile of a 2025 province take the ministry's own DTI 2024 value,
// not the roll-up of its former provinces, and mark rolled-up years as derived.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage } from './browser.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

/** The value cells of the comparison table, by province header. */
async function valuesByProvince(page) {
  return page.locator('ict-compare table.compare').evaluate((table) => {
    const head = [...table.tHead.rows[0].cells].map((c) => c.textContent.trim());
    const row = table.tBodies[0].rows[0];
    return Object.fromEntries([...row.cells].slice(1).map((c, i) => [head[i + 1], c.textContent.trim()]));
  });
}

test('a 2025 province shows its published DTI, not the roll-up, and no derived mark', async () => {
  const url = '/?scheme=p34&provinces=p34:79,p34:80&indicators=dti_score&period=2024';
  const { page, context, problems } = await openPage(session.browser, session.origin, url);
  const values = await valuesByProvince(page);
  const hcm = Object.entries(values).find(([name]) => name.startsWith('TP. Hồ Chí Minh'));
  assert.ok(hcm, JSON.stringify(values));
  // Published 0,7770; the roll-up of its three former provinces would be 0,7769.
  assert.match(hcm[1], /^0,777(?!\d)/, hcm[1]);
  assert.ok(!hcm[1].includes('†'), `published, not derived: ${hcm[1]}`);
  assert.equal(await page.locator('ict-compare table.compare .mark.derived').count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the years before 2024 are rolled up and marked derived', async () => {
  const url = '/?scheme=p34&provinces=p34:80&indicators=dti_score&period=2023';
  const { page, context, problems } = await openPage(session.browser, session.origin, url);
  const values = await valuesByProvince(page);
  const [cell] = Object.values(values);
  // Tây Ninh (2025) in 2023: the mean of Long An and Tây Ninh, 0,6973.
  assert.match(cell, /^0,6973/, cell);
  assert.ok(cell.includes('†'), `a roll-up is marked: ${cell}`);
  assert.equal(await page.locator('ict-compare table.compare .mark.derived').count(), 1);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the profile of a 2025 province lists its own published figure', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=profile&scheme=p34&province=p34:79');
  const numbers = await page.locator('ict-compare .pillar button.value .number').allTextContents();
  assert.ok(numbers.includes('0,777'), `the ministry's 2024 value for TP. Hồ Chí Minh in ${numbers}`);
  // Its former provinces are named once each, itself not among them.
  const members = await page.locator('ict-compare').evaluate((el) => el.shadowRoot.textContent);
  assert.match(members, /tỉnh cũ: Bình Dương, Bà Rịa - Vũng Tàu, TP\. Hồ Chí Minh(?!, )/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a reader's figure for a 2025 province is shown, not lost behind the roll-up", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?scheme=p34&provinces=p34:80&indicators=bts_stations');
  const file = 'observation_id,province,indicator_id,period,value,source_id\nu-1,p34:80,bts_stations,2025,5000,so-tt-tn\n';
  await page.locator('ict-compare .open-file input').setInputFiles({ name: 'tay-ninh.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  // "Reading your file…" comes first, then what the file added.
  await page.waitForFunction(() => document.querySelector('ict-compare').shadowRoot.querySelector('.notice')?.textContent.includes('tay-ninh.csv'));
  assert.match(await page.locator('ict-compare .notice').textContent(), /Đã thêm 1 số liệu từ tay-ninh\.csv/);
  const cell = page.locator('ict-compare td[data-province="p34:80"] button.value');
  assert.match(await cell.textContent(), /5\.000/);
  assert.equal(await cell.evaluate((b) => b.classList.contains('user')), true);
  assert.equal(await cell.locator('.mark.derived').count(), 0, 'published by the reader, not derived');
  assert.deepEqual(problems(), []);
  await context.close();
});
