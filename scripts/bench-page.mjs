// Main-thread time per user action on the built page, in headless Chromium, measured with the
// Long Tasks API: for each action, the tasks over 50 ms that ran between the action and the
// moment the page is quiet again (their total and the longest), and the wall-clock time until
// the view is drawn. Run on the bundled data, a reader's file of 100 000 figures and one of
// 20 000 sources. Timings are measured here and written to docs/PERFORMANCE.md, never asserted.
//
//   node scripts/bench-page.mjs            (after `make build`; `make bench` runs it)
//   BENCH_PAGE_RUNS=5 node scripts/bench-page.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

const runs = Number(process.env.BENCH_PAGE_RUNS ?? 3);
const FILES = resolve('target/bench/page-files');
mkdirSync(FILES, { recursive: true });
const GOAL_MS = 200;

// The 63 provinces' codes, from the reference file (first column, header skipped).
const codes = readFileSync('data/reference/provinces_2024.csv', 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0]);

/** A valid reader's file: `rows` figures from `sources` sources over the 63 provinces. */
function userFile(rows, sources, codes) {
  const indicators = ['bts_stations', 'households_fibre_share', 'bts_4g_share', 'state_agency_computers'];
  const lines = ['observation_id,province,indicator_id,period,value,source_id,quote\n'];
  for (let i = 0; i < rows; i++) {
    const source = i % sources;
    const indicator = indicators[i % indicators.length];
    const value = indicator.endsWith('_share') ? i % 100 : i % 5000;
    lines.push(`,p63:${codes[source % codes.length]},${indicator},${1900 + (i % 120)},${value},src${source.toString(26).replace(/\d/g, (d) => 'abcdefghij'[d])}-2024,figure ${i}\n`);
  }
  return Buffer.from(lines.join(''));
}

/** Long tasks since `mark`, once the page has been quiet (no long task) for 500 ms. */
async function settle(page, since) {
  await page.waitForTimeout(100);
  for (;;) {
    const quiet = await page.evaluate(() => performance.now() - (window.__lastTaskEnd ?? 0) > 500);
    if (quiet) break;
    await page.waitForTimeout(100);
  }
  return page.evaluate((start) => {
    const tasks = window.__tasks.filter((t) => t.startTime >= start - 1);
    return { total: tasks.reduce((s, t) => s + t.duration, 0), longest: Math.max(0, ...tasks.map((t) => t.duration)), count: tasks.length };
  }, since);
}

async function measure(page, name, act, drawn) {
  const since = await page.evaluate(() => performance.now());
  const t0 = Date.now();
  await act();
  await drawn();
  const wall = Date.now() - t0;
  const tasks = await settle(page, since);
  return { action: name, wall, ...tasks };
}

const server = await serve('dist', 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const all = [];
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__tasks.push({ startTime: entry.startTime, duration: entry.duration });
        window.__lastTaskEnd = Math.max(window.__lastTaskEnd ?? 0, entry.startTime + entry.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  });
  const el = (selector) => page.locator(`ict-compare ${selector}`);
  const tab = (name) => el(`[role=tab][data-tab=${name}]`).click();
  const results = [];
  const t0 = Date.now();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60000 });
  results.push({ action: 'open the page (bundled data)', wall: Date.now() - t0, ...(await settle(page, 0)) });
  const views = async (label) => {
    results.push(await measure(page, `${label}: Sources tab`, () => tab('sources'), () => el('article.source').first().waitFor()));
    results.push(await measure(page, `${label}: open a report's figures`, () => el('article.source summary').last().click(), () => el('table.source-figures').first().waitFor()));
    results.push(await measure(page, `${label}: next page of sources`, () => el('.panel > div > .pager button[data-page=next]').click(), () => el('article.source').first().waitFor()));
    results.push(await measure(page, `${label}: last page of sources`, () => el('.panel > div > .pager button[data-page=last]').click(), () => el('article.source').first().waitFor()));
    results.push(await measure(page, `${label}: Table tab`, () => tab('table'), () => el('table.compare').waitFor()));
    results.push(await measure(page, `${label}: Profile tab`, () => tab('profile'), () => el('.pillar').first().waitFor()));
    results.push(await measure(page, `${label}: Chart tab`, () => tab('chart'), () => el('.chart-container svg').first().waitFor()));
    results.push(await measure(page, `${label}: Map tab`, () => tab('map'), () => el('.map-container svg').first().waitFor()));
    await tab('table');
  };
  for (const [label, rows, sources] of [['100 000 figures', 100_000, 63], ['20 000 sources', 20_000, 20_000]]) {
    const name = `${label.replace(/\s/g, '')}.csv`;
    // Handed over as a path, as a reader's file chooser does: a buffer would be rebuilt inside
    // the page by the test driver, on the page's main thread, and counted against the page.
    const path = join(FILES, name);
    writeFileSync(path, userFile(rows, sources, codes));
    results.push(await measure(page, `${label}: open the file`, () => el('.open-file input').setInputFiles(path),
      () => page.waitForFunction((file) => document.querySelector('ict-compare').shadowRoot.querySelector('.notice')?.textContent.includes(file), name, { timeout: 120000 })));
    await views(label);
  }
  await context.close();
  all.push(results);
}
await browser.close();
await new Promise((resolve) => server.close(resolve));

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = all[0].map((first, i) => ({
  action: first.action,
  wall: median(all.map((r) => r[i].wall)),
  total: median(all.map((r) => r[i].total)),
  longest: median(all.map((r) => r[i].longest)),
}));
const table = [
  `| action | wall clock (ms) | long-task time (ms) | longest task (ms) | under ${GOAL_MS} ms |`,
  '|---|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.action} | ${r.wall} | ${Math.round(r.total)} | ${Math.round(r.longest)} | ${r.longest < GOAL_MS ? 'yes' : '**no**'} |`),
].join('\n');
mkdirSync('target/bench', { recursive: true });
writeFileSync('target/bench/page.json', JSON.stringify({ runs, rows, all }, null, 2));
writeFileSync('target/bench/page.md', `${table}\n`);
console.log(`main-thread time per action, median of ${runs} runs (Long Tasks API; tasks over 50 ms)\n`);
console.log(table);
