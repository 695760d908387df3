// Runs the engine benchmark (bench/) in headless Chromium and prints medians, each engine's
// ratio to ict-compare, and the bytes each engine transfers.
//
//   node scripts/bench-browser.mjs                      ict-compare alone (with the plain-JS baseline)
//   BENCH_ENGINES=ict-compare,plain-js,arquero,duckdb BENCH_SIZES=1000,100000,1000000 node scripts/bench-browser.mjs
//   BENCH_SIZES= node scripts/bench-browser.mjs          the cold start alone (no sizes, no warm runs)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { STRICT_CSP, serve } from './serve.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

const engines = (process.env.BENCH_ENGINES ?? 'ict-compare,plain-js').split(',');
if (!engines.includes('ict-compare')) {
  // Every figure of the report is given against ict-compare's.
  console.error(`BENCH_ENGINES=${engines.join(',')}: ict-compare must be one of them`);
  process.exit(2);
}
const sizes = (process.env.BENCH_SIZES ?? '1000,100000,1000000').split(',').filter(Boolean).map(Number);
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 7);
const out = 'dist/bench';
const data = 'dist/bench-data';

// Data: deterministic synthetic files from the engine's own generator.
mkdirSync(data, { recursive: true });
const cli = 'target/release/ict-compare';
execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'ict-compare'], { stdio: 'inherit' });
const generate = (file, args) => {
  if (!existsSync(join(data, file))) writeFileSync(join(data, file), execFileSync(cli, ['synthetic', ...args], { maxBuffer: 1 << 30 }));
};
generate('indicators.csv', ['--part', 'indicators']);
generate('sources.csv', ['--part', 'sources']);
for (const size of sizes) generate(`observations-${size}.csv`, ['--rows', String(size), '--seed', '2025']);

// The page and one bundle per engine.
mkdirSync(join(out, 'duckdb'), { recursive: true });
// The page's own engines too, for their cold start: the table's, which most pages start with,
// and the views', which a page that opens on another tab starts with.
const PAGE_ENGINES = ['ict-compare-page', 'ict-compare-views'];
const measured = [...PAGE_ENGINES, ...engines];
await build({
  entryPoints: ['bench/bench.js', ...measured.map((e) => `bench/engines/${e}.js`)],
  bundle: true, format: 'esm', minify: true, target: 'es2022', outbase: 'bench', outdir: out, logLevel: 'warning',
});
cpSync('bench/index.html', join(out, 'index.html'));
cpSync('pkg/ict_compare_bench_bg.wasm', join(out, 'ict_compare_bench_bg.wasm'));
cpSync('pkg/ict_compare_bg.wasm', join(out, 'ict_compare_bg.wasm'));
cpSync('pkg/ict_compare_views_bg.wasm', join(out, 'ict_compare_views_bg.wasm'));
const duck = 'bench/node_modules/@duckdb/duckdb-wasm/dist';
for (const file of ['duckdb-mvp.wasm', 'duckdb-eh.wasm', 'duckdb-browser-mvp.worker.js', 'duckdb-browser-eh.worker.js']) {
  if (engines.includes('duckdb')) cpSync(join(duck, file), join(out, 'duckdb', file));
}

// What each engine transfers (Chromium supports exceptions, so DuckDB loads its "eh" build).
const weigh = (files) => files.reduce((sum, file) => {
  const bytes = readFileSync(file);
  return { raw: sum.raw + statSync(file).size, gzip: sum.gzip + gzipSync(bytes, { level: 9 }).length };
}, { raw: 0, gzip: 0 });
const transfer = {
  'ict-compare': weigh([join(out, 'engines/ict-compare.js'), join(out, 'ict_compare_bench_bg.wasm')]),
  'ict-compare-page': weigh([join(out, 'engines/ict-compare-page.js'), join(out, 'ict_compare_bg.wasm')]),
  'ict-compare-views': weigh([join(out, 'engines/ict-compare-views.js'), join(out, 'ict_compare_views_bg.wasm')]),
  ...(engines.includes('plain-js') ? { 'plain-js': weigh([join(out, 'engines/plain-js.js')]) } : {}),
  ...(engines.includes('arquero') ? { arquero: weigh([join(out, 'engines/arquero.js')]) } : {}),
  ...(engines.includes('duckdb') ? { duckdb: weigh([join(out, 'engines/duckdb.js'), join(out, 'duckdb/duckdb-browser-eh.worker.js'), join(out, 'duckdb/duckdb-eh.wasm')]) } : {}),
};

// d3-dsv and Arquero compile row readers with `new Function`, which the page's policy forbids:
// the benchmark page allows it, and only it.
const server = await serve('dist', 0, { policy: `${STRICT_CSP.replace("'wasm-unsafe-eval'", "'wasm-unsafe-eval' 'unsafe-eval'")}` });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const version = browser.version();

async function run(query, timeout) {
  const context = await browser.newContext();
  try {
    return await measure(context, query, timeout);
  } finally {
    await context.close();
  }
}

async function measure(context, query, timeout) {
  const page = await context.newPage();
  const errors = [];
  // What keeps the page from ever saying it is done ends the wait at once: an error its code
  // throws and does not catch, or its document or a script that does not arrive (an engine's
  // module that arrives but fails to run is caught by bench/bench.js, which says so and is
  // done).
  let stop = () => {};
  const failed = new Promise((resolve, reject) => { stop = reject; });
  failed.catch(() => {});
  const fail = (message) => {
    errors.push(message);
    stop(new Error(`${query}: ${message}`));
  };
  page.on('pageerror', (e) => fail(e.message));
  const loads = (request) => ['document', 'script'].includes(request.resourceType());
  page.on('requestfailed', (request) => {
    if (loads(request)) fail(`${request.url()} did not load: ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && loads(response.request())) fail(`${response.url()} answered ${response.status()}`);
  });
  // The page says it is done on its console (bench/bench.js, `DONE`). Polling it instead
  // (`waitForFunction`) would evaluate the driver's injected script on the page's main thread
  // as the page loads, some 8 ms of it, which fell inside a cold start's time and not inside
  // others'.
  const done = page.waitForEvent('console', { predicate: (message) => message.text() === 'ict-compare-bench: done', timeout });
  done.catch(() => {});
  await page.goto(`${origin}/bench/index.html?${query}`, { waitUntil: 'commit' });
  await Promise.race([done, failed]);
  const result = await page.evaluate(() => ({ results: window.benchResults, error: window.benchError }));
  if (result.error || errors.length) throw new Error(`${query}: ${result.error ?? errors.join('; ')}`);
  return result.results;
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// T0 in a fresh context each time: nothing cached.
// The engines take turns, run by run, so that a slow spell of the machine falls on all of them.
const cold = {};
const coldWithBundled = {};
const coldRunsOf = Object.fromEntries(measured.map((engine) => [engine, []]));
for (let i = 0; i < coldRuns; i++) {
  for (const engine of measured) coldRunsOf[engine].push(await run(`mode=cold&engine=${engine}`, 60_000));
}
for (const engine of measured) {
  cold[engine] = median(coldRunsOf[engine].map((r) => r.t0));
  if (engine.startsWith('ict-compare')) coldWithBundled[engine] = median(coldRunsOf[engine].map((r) => r.bundled));
}
const warm = sizes.length ? await run(`engines=${engines.join(',')}&sizes=${sizes.join(',')}`, 1_800_000) : [];
await browser.close();
await new Promise((resolve) => server.close(resolve));

// The report.
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(3));
const ratio = (value, base) => (base > 0 ? `${(value / base).toFixed(1)}×` : '–');
const lines = [];
lines.push(`Chromium ${version}; ${engines.join(', ')}; sizes ${sizes.join(', ')}; medians in ms; (×) = ratio to ict-compare`);
lines.push('');
lines.push(`| engine | T0 cold start | transfer raw | transfer gzip |`);
lines.push(`|---|---|---|---|`);
for (const engine of measured) {
  const t = transfer[engine];
  lines.push(`| ${engine} | ${fmt(cold[engine])} (${ratio(cold[engine], cold['ict-compare'])}) | ${(t.raw / 1024).toFixed(0)} KiB | ${(t.gzip / 1024).toFixed(0)} KiB (${ratio(t.gzip, transfer['ict-compare'].gzip)}) |`);
}
lines.push('');
for (const [engine, ms] of Object.entries(coldWithBundled)) {
  const waits = { 'ict-compare-page': ' (what the page waits for)', 'ict-compare-views': ' (what a page that opens on another tab waits for)' }[engine] ?? '';
  lines.push(`${engine} cold start including the bundled dataset decoded${waits}: ${fmt(ms)} ms`);
}
lines.push(`(each cold start is the median of ${coldRuns} fresh page${coldRuns === 1 ? '' : 's'}, the engines taking turns)`);
for (const size of sizes) {
  const rows = warm.filter((r) => r.size === size);
  const base = rows.find((r) => r.engine === 'ict-compare');
  lines.push('');
  lines.push(`${size.toLocaleString('en')} rows (${(rows[0].bytes / 1e6).toFixed(1)} MB of CSV; one JS pass over its text: ${fmt(rows[0].baselineMs)} ms, over its bytes: ${fmt(rows[0].bytesBaselineMs)} ms)`);
  lines.push('');
  lines.push('| engine | T1 parse the text | T1b parse the bytes | T2 group-by | T3 compare 5×20 | T4 rank | answers agree |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const agrees = r.engine === 'ict-compare' ? 'reference' : ['groupBy', 'compare', 'rank'].map((t) => `${t} ${r[`${t}Agrees`] ? 'yes' : 'NO'}`).join(', ');
    lines.push(`| ${r.engine} | ${fmt(r.parseMs)} (${ratio(r.parseMs, base.parseMs)}) | ${fmt(r.parseBytesMs)} (${ratio(r.parseBytesMs, base.parseBytesMs)}) | ${fmt(r.groupByMs)} (${ratio(r.groupByMs, base.groupByMs)}) | ${fmt(r.compareMs)} (${ratio(r.compareMs, base.compareMs)}) | ${fmt(r.rankMs)} (${ratio(r.rankMs, base.rankMs)}) | ${agrees} |`);
  }
  lines.push('');
  // The issue's measure: ict-compare's parse against the fastest peer's of the same run.
  const peers = rows.filter((r) => r.engine !== 'ict-compare');
  if (peers.length > 0) {
    const fastest = (key) => peers.reduce((a, b) => (b[key] < a[key] ? b : a));
    const against = (key) => `${(base[key] / fastest(key)[key]).toFixed(2)}× the fastest peer's (${fastest(key).engine})`;
    lines.push(`ict-compare parse: the text ${against('parseMs')}, the bytes ${against('parseBytesMs')}`);
    lines.push('');
  }
  lines.push(`ict-compare parse / JS pass over the text: ${ratio(base.parseMs, rows[0].baselineMs)}; wasm memory after load: ${base.memoryBytes ? `${(base.memoryBytes / 2 ** 20).toFixed(0)} MiB` : '–'}`);
  lines.push('');
  lines.push('Each question\'s first answer after the load (not in the medians above), ms:');
  for (const r of rows) {
    lines.push(`- ${r.engine}: ${Object.entries(r.firstMs).map(([task, ms]) => `${task} ${fmt(ms)}`).join(', ')}`);
  }
}
const report = lines.join('\n');
console.log(report);
mkdirSync('target/bench', { recursive: true });
writeFileSync('target/bench/browser.json', JSON.stringify({ chromium: version, engines, sizes, cold, coldWithBundled, transfer, warm }, null, 2));
writeFileSync('target/bench/browser.md', `${report}\n`);
