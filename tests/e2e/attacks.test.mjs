// Hostile data and hostile links: markup in any text renders as text, formulas are neutralised
// in exports, oversized files and links are refused with a message, no address from data that
// is not http(s) becomes a link, the main page runs under the strict policy, and the page stays
// usable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { start, openPage } from './browser.mjs';
import { csvRows } from './csv.mjs';
import { STRICT_CSP } from '../../scripts/serve.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

/** Opens the page and fails the test on any dialog (alert, confirm) a script might raise. */
async function guarded(path) {
  const opened = await openPage(session.browser, session.origin, path);
  opened.dialogs = [];
  opened.page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    dialog.dismiss();
  });
  return opened;
}

async function openFile(page, name, bytes) {
  await page.locator('ict-compare .open-file input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
  await page.waitForFunction((file) => document.querySelector('ict-compare').shadowRoot.querySelector('.notice')?.textContent.includes(file), name);
}

test('markup in a user file renders as text everywhere it is shown', async () => {
  const { page, context, problems, dialogs } = await guarded('/?provinces=p63:84&indicators=bts_stations');
  await openFile(page, 'html.csv', readFileSync('tests/bad-inputs/25-html-in-text.csv'));
  // The table cell, its quote, and the sources view all show the markup as characters.
  const cell = page.locator('ict-compare td[data-province="p63:84"] button.value');
  await cell.click();
  const panel = await page.locator('ict-compare .provenance').textContent();
  assert.ok(panel.includes('<script>alert(1)</script>'), panel);
  assert.ok(panel.includes('<img src=x onerror=alert(1)>'), panel);
  await page.locator('ict-compare [role=tab][data-tab=sources]').click();
  const sources = await page.locator('ict-compare .panel').textContent();
  assert.ok(sources.includes('<img src=x onerror=alert(1)>'));
  const injected = await page.evaluate(() => document.querySelector('ict-compare').shadowRoot.querySelectorAll('.panel img, .panel script, .provenance img, .provenance script, .panel b').length);
  assert.equal(injected, 0, 'no element was created from data');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('direction overrides in data do not reorder the page around them', async () => {
  const { page, context, problems } = await guarded('/?provinces=p63:84&indicators=bts_stations&tab=sources');
  await openFile(page, 'rtl.csv', readFileSync('tests/bad-inputs/26-right-to-left-override.csv'));
  await page.locator('ict-compare [role=tab][data-tab=table]').click();
  const head = await page.locator('ict-compare table.compare thead').textContent();
  assert.match(head, /Trà Vinh/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a formula in a user file is neutralised in the exported CSV', async () => {
  const { page, context, problems } = await guarded('/?provinces=p63:84&indicators=bts_stations');
  await openFile(page, 'formula.csv', readFileSync('tests/bad-inputs/24-formula-in-text.csv'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('ict-compare button[data-action=csv]').click()]);
  const text = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
  const cells = csvRows(text, ';').flatMap((row) => Object.values(row));
  const dangerous = cells.filter((cell) => /^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-\d/.test(cell)));
  assert.deepEqual(dangerous, []);
  assert.ok(cells.some((cell) => cell.startsWith("'=HYPERLINK(")), text);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a user file over the size limit is refused and the page stays responsive', async () => {
  const { page, context, problems } = await guarded('/');
  const big = Buffer.alloc(11 * 1024 * 1024, 'a');
  await openFile(page, 'huge.csv', big);
  assert.match(await page.locator('ict-compare .notice').textContent(), /huge\.csv quá lớn: tối đa 10 MB/);
  await page.locator('ict-compare [role=tab][data-tab=sources]').click();
  // The Sources view loads its code on demand: wait for it before reading its pages.
  await page.locator('ict-compare article.source').first().waitFor();
  // The bundled reports and published tables, and nothing of the refused file, on every page.
  const bundledSources = csvRows(readFileSync('data/sources.csv', 'utf8')).length + csvRows(readFileSync('data/tables.csv', 'utf8')).length;
  const listed = [];
  for (;;) {
    listed.push(...(await page.locator('ict-compare article.source').evaluateAll((articles) => articles.map((a) => a.dataset.origin))));
    const next = page.locator('ict-compare .panel > div > .pager button[data-page=next]');
    if ((await next.count()) === 0 || (await next.isDisabled())) break;
    await next.click();
  }
  assert.equal(listed.length, bundledSources);
  assert.ok(listed.every((origin) => origin === 'bundled'), listed.join(' '));
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a file in another encoding is refused with the place of its first bad byte', async () => {
  const { page, context, problems } = await guarded('/');
  await openFile(page, 'cp1258.csv', readFileSync('tests/bad-inputs/10-windows-1258.csv'));
  assert.match(await page.locator('ict-compare .notice').textContent(), /cp1258\.csv \(dòng 2, ký tự 41\).*UTF-8/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('markup and script in a link are refused, never run', async () => {
  const { page, context, problems, dialogs } = await guarded('/?indicators=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&focus=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  await page.locator('ict-compare .notice').waitFor({ state: 'visible' });
  assert.match(await page.locator('ict-compare .notice').textContent(), /không hợp lệ/);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems(), []);
  await context.close();
});

/** Opens `path` recording every Content-Security-Policy violation from the first script on. */
async function watched(path) {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
    });
  });
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const response = await page.goto(session.origin + path);
  return { page, context, response, dialogs, problems, violations: () => page.evaluate(() => window.__violations) };
}

test('the main page is served under the strict policy, in its header and in the built page, and every view works under it', async () => {
  const { page, context, response, problems, violations, dialogs } = await watched('/?provinces=p63:84,p63:44&indicators=households_fibre_share,bts_stations');
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  // A host that sends no header still applies the policy: the built page carries it.
  const meta = readFileSync('dist/index.html', 'utf8').match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  assert.equal(meta?.[1], STRICT_CSP);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
  for (const tab of ['chart', 'map', 'profile', 'sources', 'table']) {
    await page.locator(`ict-compare [role=tab][data-tab=${tab}]`).click();
    if (tab === 'chart') await page.locator('ict-compare .chart-container svg').first().waitFor({ timeout: 10000 });
    if (tab === 'map') await page.locator('ict-compare .map-container svg').first().waitFor({ timeout: 10000 });
    if (tab === 'sources') await page.locator('ict-compare article.source summary').first().click();
  }
  await page.locator('ict-compare button.value').first().click();
  await page.locator('ict-compare .provenance').waitFor({ state: 'visible' });
  await openFile(page, 'mine.csv', 'observation_id,province,indicator_id,period,value,source_id\nu-1,p63:84,bts_stations,2019,900,mine\n');
  await page.locator('ict-compare [role=tab][data-tab=sources]').click();
  assert.deepEqual(await violations(), []);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a script address in data is never a link: the Sources view shows it as text, whatever its spelling', async () => {
  // The Sources view as the page bundles it, fed the sources a hostile data file could hold,
  // in a page under the strict policy on the page's own origin.
  const { outputFiles } = await build({
    stdin: { contents: "import { render } from './www/views/sources.js'; window.renderSources = render;", resolveDir: process.cwd() },
    bundle: true,
    write: false,
    format: 'esm',
  });
  const context = await session.browser.newContext();
  const page = await context.newPage();
  await page.route(`${session.origin}/links-harness.html`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': STRICT_CSP },
    body: '<!doctype html><html lang="vi"><body><main></main><script type="module" src="links-harness.js"></script></body></html>',
  }));
  await page.route(`${session.origin}/links-harness.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: outputFiles[0].text }));
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await page.goto(`${session.origin}/links-harness.html`);
  await page.waitForFunction(() => typeof window.renderSources === 'function');
  const hostile = [
    'javascript:alert(1)',
    ' JavaScript:alert(2)',
    'java\tscript:alert(3)',
    'JAVASCRIPT:alert(4)',
    'data:text/html,<script>alert(5)</script>',
    'vbscript:msgbox(6)',
    '//evil.example/report',
    'file:///etc/passwd',
    'report.html',
  ];
  const good = ['https://example.org/bao-cao?id=1', 'http://example.org/report'];
  const links = await page.evaluate(({ hostile, good }) => {
    const urls = [...hostile, ...good];
    const sources = urls.map((url, i) => ({
      id: `s-${i}`, title: `Report ${i}`, outlet: 'Outlet', author: '', published: '2024', url,
      province: 'p63:84', file: `sources/s-${i}.txt`, language: 'vi', origin: 'bundled', figures: 0,
    }));
    const main = document.querySelector('main');
    window.renderSources(main, {
      lang: 'vi',
      sourcePage: ({ offset, limit }) => ({ total: sources.length, offset, sources: sources.slice(offset, offset + limit) }),
      figurePage: ({ source, offset }) => ({ source, total: 0, offset, observations: [] }),
      indicators: new Map(),
      provinces: new Map(),
      position: { offset: 0, open: null, figureOffset: 0 },
    });
    const shown = [];
    for (let page = 0; page * 10 < sources.length; page++) {
      for (const article of main.querySelectorAll('article.source')) {
        const a = article.querySelector('.meta a');
        shown.push({ id: article.dataset.source, text: article.querySelector('.meta').textContent, href: a?.href ?? null, protocol: a?.protocol ?? null });
      }
      main.querySelector('.pager button[data-page=next]')?.click();
    }
    return shown;
  }, { hostile, good });
  assert.equal(links.length, hostile.length + good.length);
  for (const [i, url] of hostile.entries()) {
    const shown = links.find((l) => l.id === `s-${i}`);
    assert.equal(shown.href, null, `${JSON.stringify(url)} is not a link`);
    assert.ok(shown.text.includes(url.trim()), `${JSON.stringify(url)} is shown as text`);
  }
  for (const [i, url] of good.entries()) {
    const shown = links.find((l) => l.id === `s-${hostile.length + i}`);
    assert.equal(shown.href, new URL(url).href);
    assert.match(shown.protocol, /^https?:$/);
  }
  // Clicking every address the view drew runs nothing.
  for (const text of await page.locator('.meta .address-text').all()) await text.click();
  assert.deepEqual(dialogs, []);
  await context.close();
});

test('no page code but www/links.js turns an address into a link, and none writes markup', () => {
  // Every place that sets an address, by file: the stylesheet, a view's own stylesheet (a name
  // the code gives), the download's blob, the chart's image of itself, the entry's preloads of
  // the element's scripts (names the build wrote), and links.js, which admits
  // only http(s). A new place must go through links.js (or be added here with its reason).
  const allowed = new Map([
    ['www/app.js', ["style.href = new URL('styles.css', BASE).href"]],
    ['www/app/tabs.js', ['link.href = new URL(file, BASE).href']],
    ['www/download.js', ['link.href = url']],
    ['www/views/svg.js', ['image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`']],
    ['www/links.js', ['link.href = href']],
    ['www/entry.js', ['link.href = href']],
  ]);
  const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  const found = [];
  for (const file of files('www').filter((f) => f.endsWith('.js'))) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (/(?<!dataset)\.(href|src|action|formAction)\s*=[^=]|setAttribute(NS)?\([^)]*['"](xlink:)?(href|src|action|formaction)['"]|innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(line)) {
        const code = line.trim().replace(/;$/, '');
        if (!allowed.get(file)?.includes(code)) found.push(`${file}: ${code}`);
      }
    }
  }
  assert.deepEqual(found, []);
});
