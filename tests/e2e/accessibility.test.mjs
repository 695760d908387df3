// Accessibility checked by axe-core (from the npm registry, injected into the page) on every
// view, in both languages: contrast, names, roles, tables, keyboard focus order rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { start, openPage } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

async function violations(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

for (const lang of ['vi', 'en']) {
  for (const tab of ['province', 'table', 'chart', 'map', 'profile', 'sources', 'add']) {
    test(`${tab} view in ${lang} has no WCAG 2.1 AA violation`, async () => {
      // axe injects its own script and styles, which the page's policy refuses; the policy is
      // tested in attacks.test.mjs, and here set aside for the checker alone.
      const { page, context, problems } = await openPage(session.browser, session.origin, `/?tab=${tab}&lang=${lang}`, { bypassCSP: true });
      if (tab === 'chart') await page.locator('ict-compare .chart-container svg').first().waitFor();
      if (tab === 'map') await page.locator('ict-compare .map-container svg').first().waitFor();
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(problems(), []);
      await context.close();
    });
  }
}

test("the paged views of a reader's long file have no WCAG 2.1 AA violation", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=sources&provinces=p63:84', { bypassCSP: true });
  const rows = ['observation_id,province,indicator_id,period,value,source_id,quote'];
  for (let i = 0; i < 400; i++) rows.push(`,p63:84,bts_stations,${1900 + i % 120},${i},mine${String.fromCharCode(97 + (i % 13))}-2024,figure ${i}`);
  await page.locator('ict-compare .open-file input').setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\n')}\n`) });
  await page.waitForFunction(() => document.querySelector('ict-compare').shadowRoot.querySelector('.notice')?.textContent.includes('long.csv'));
  await page.locator('ict-compare .panel > div > .pager button[data-page=next]').click();
  const mine = page.locator('ict-compare article.source[data-origin=user]').first();
  await mine.locator('summary').click();
  await mine.locator('.pager').waitFor();
  assert.deepEqual(await violations(page), []);
  await page.locator('ict-compare [role=tab][data-tab=profile]').click();
  await page.locator('ict-compare .pillar').first().waitFor();
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("the province view's years shown as a table, at a phone's width, have no WCAG 2.1 AA violation", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?province=p63:44', { bypassCSP: true, viewport: { width: 375, height: 812 } });
  await page.locator('ict-compare .series-toggle').click();
  await page.locator('ict-compare .series-table').waitFor();
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the conflict notice and a per-capita option not offered have no WCAG 2.1 AA violation', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:72,p63:84&indicators=dti_score', { bypassCSP: true });
  await page.locator('ict-compare .open-file input').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from('province,indicator_id,period,value,source_id\np63:72,dti_score,2024,0.9,mine\n') });
  await page.locator('ict-compare .panel .conflicts').waitFor();
  assert.equal(await page.locator('ict-compare input[name=perCapita]').isDisabled(), true);
  assert.deepEqual(await violations(page), []);
  await page.locator('ict-compare [role=tab][data-tab=province]').click();
  await page.locator('ict-compare .province-view .conflicts').waitFor();
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(problems(), []);
  await context.close();
});
