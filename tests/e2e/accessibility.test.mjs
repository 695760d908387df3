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
  for (const tab of ['table', 'chart', 'map', 'profile', 'sources', 'add']) {
    test(`${tab} view in ${lang} has no WCAG 2.1 AA violation`, async () => {
      const { page, context, problems } = await openPage(session.browser, session.origin, `/?tab=${tab}&lang=${lang}`);
      if (tab === 'chart') await page.locator('ict-compare .chart-container svg').first().waitFor();
      if (tab === 'map') await page.locator('ict-compare .map-container svg').first().waitFor();
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(problems(), []);
      await context.close();
    });
  }
}
