// Hostile data and hostile links: markup in any text renders as text, formulas are neutralised
// in exports, oversized files and links are refused with a message, and the page stays usable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage } from './browser.mjs';
import { csvRows } from './csv.mjs';

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
  const cells = csvRows(text).flatMap((row) => Object.values(row));
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
  // The bundled reports and published tables, and nothing of the refused file.
  const bundledSources = csvRows(readFileSync('data/sources.csv', 'utf8')).length + csvRows(readFileSync('data/tables.csv', 'utf8')).length;
  assert.equal(await page.locator('ict-compare article.source').count(), bundledSources);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a file in another encoding is refused with the place of its first bad byte', async () => {
  const { page, context, problems } = await guarded('/');
  await openFile(page, 'cp1258.csv', readFileSync('tests/bad-inputs/10-windows-1258.csv'));
  assert.match(await page.locator('ict-compare .notice').textContent(), /cp1258\.csv \(dòng 2, cột 41\).*UTF-8/);
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
