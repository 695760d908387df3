// "Thêm báo cáo / Add a report" in real Chromium: a report's text pasted or chosen as a file,
// its figures proposed beside the text, accepted by keyboard, shown at once in the table as
// the user's, and downloaded as rows for data/; bad files refused; both languages; no
// request leaves the page; screenshots at 1280 and 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { start, openPage, SCREENSHOTS } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

/** An article written for these tests, in the manner of provincial portals. */
const ARTICLE = [
  'Bình Phước đẩy mạnh chuyển đổi số',
  '08:15, Thứ Hai, 3-6-2024',
  'Thực hiện Nghị quyết số 09/NQ-TU, đến nay toàn tỉnh có 2.345 trạm BTS, trên 96,5% hộ gia đình có điện thoại thông minh và 15 tỷ đồng đầu tư hạ tầng.',
  'Mục tiêu đến năm 2025, phấn đấu 100% hồ sơ được xử lý trực tuyến.',
  'Tin liên quan',
  '• Hà Nội có 90% hộ gia đình dùng cáp quang',
].join('\n');

async function fillReport(page, { id = 'bp-2024', title = 'Bình Phước đẩy mạnh chuyển đổi số', published = '2024-06-03', province = 'p63:70' } = {}) {
  const view = page.locator('ict-compare .add-report');
  await view.locator('[data-key=report-id]').fill(id);
  await view.locator('[data-key=report-title]').fill(title);
  await view.locator('[data-key=report-published]').fill(published);
  await view.locator('[data-key=report-province]').selectOption(province);
  await view.locator('[data-key=report-text]').fill(ARTICLE);
}

async function find(page) {
  // By keyboard: focus the button and press Enter.
  await page.locator('ict-compare [data-key=find]').focus();
  await page.keyboard.press('Enter');
  await page.locator('ict-compare .add-report .summary').waitFor();
}

const focusedKey = (page) => page.locator('ict-compare').evaluate((host) => host.shadowRoot.activeElement?.dataset?.key ?? null);

test('a pasted report: figures proposed beside the text, accepted by keyboard, shown in the table as the user\'s', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=add', { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await page.locator('ict-compare .add-report').waitFor();
  await fillReport(page);
  await find(page);
  const view = page.locator('ict-compare .add-report');
  assert.match(await view.locator('.summary').textContent(), /^4 số liệu đề xuất/);
  const figures = await view.locator('.candidate .figure-line strong').allTextContents();
  assert.deepEqual(figures, ['2.345', 'trên 96,5 %', '15 tỷ đồng', '100 %']);
  // The first candidate's quote is highlighted in the text, and its number marked.
  assert.equal(await view.locator('.report-text .quote-current').textContent(), 'đến nay toàn tỉnh có 2.345 trạm BTS');
  assert.equal(await view.locator('.report-text .figure').count(), 4);
  // Numbers that are not figures are listed with their reason.
  const setAside = await view.locator('.set-aside li').allTextContents();
  assert.ok(setAside.includes('09/NQ-TU — số văn bản'), setAside.join(' | '));
  assert.ok(setAside.includes('90 — phần trang web'), setAside.join(' | '));
  // The best suggestion is chosen; accept the first two by keyboard.
  assert.equal(await view.locator('[data-key=c0-indicator]').inputValue(), 'bts_stations');
  await view.locator('[data-key=c0-accept]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('ict-compare').shadowRoot.querySelector('[data-key=c0-accept]')?.getAttribute('aria-pressed') === 'true');
  assert.equal(await focusedKey(page), 'c0-accept', 'the focus stays where it was');
  await page.keyboard.press('Tab');
  assert.equal(await focusedKey(page), 'c0-reject');
  await view.locator('[data-key=c1-accept]').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('ict-compare').shadowRoot.querySelectorAll('.candidate.accepted').length === 2);
  await page.screenshot({ path: `${SCREENSHOTS}/add-report-1280.png`, fullPage: true });

  // The rows for data/: the engine's, in the dataset's formats.
  const download = async (key) => {
    const [file] = await Promise.all([page.waitForEvent('download'), view.locator(`[data-key=${key}]`).click()]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  };
  const observations = await download('download-observations');
  assert.equal(observations.name, 'observations.csv');
  const lines = observations.text.trim().split('\n');
  assert.equal(lines[0], 'observation_id,province,indicator_id,period,value,out_of,qualifier,is_target,scope,source_id,quote,note');
  assert.equal(lines[1], 'bp-2024-001,p63:70,bts_stations,2024,2345,,exact,false,province,bp-2024,đến nay toàn tỉnh có 2.345 trạm BTS,');
  assert.match(lines[2], /^bp-2024-002,p63:70,households_smartphone_share,2024,96\.5,,over,false,province,bp-2024,/);
  const sources = await download('download-sources');
  assert.equal(sources.text.trim().split('\n')[1], 'bp-2024,Bình Phước đẩy mạnh chuyển đổi số,,,2024-06-03,,p63:70,sources/bp-2024.txt,vi');
  const text = await download('download-text');
  assert.equal(text.name, 'bp-2024.txt');
  assert.equal(text.text, ARTICLE);

  // The accepted figures are in the table at once, marked as the user's.
  await page.locator('ict-compare [role=tab][data-tab=table]').click();
  const row = page.locator('ict-compare table.compare tbody tr').filter({ hasText: 'Số trạm BTS' });
  const mine = row.locator('button.value').filter({ has: page.locator('.mark.user') });
  assert.equal(await mine.count(), 1);
  assert.match(await mine.textContent(), /2\.345/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the view works at 375 px and in English, and has no WCAG 2.1 AA violation with figures loaded', async () => {
  // axe-core injects its own script and inline styles, which the page's policy refuses.
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=add&lang=en', { viewport: { width: 375, height: 812 }, bypassCSP: true });
  await page.locator('ict-compare .add-report').waitFor();
  await fillReport(page);
  await find(page);
  const view = page.locator('ict-compare .add-report');
  assert.match(await view.locator('.summary').textContent(), /^4 figures proposed/);
  assert.equal(await view.locator('[data-key=c0-accept]').textContent(), 'Accept');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page does not scroll sideways (${overflow}px)`);
  await page.screenshot({ path: `${SCREENSHOTS}/add-report-375.png`, fullPage: true });
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  assert.deepEqual(violations, []);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a binary file, a file in another encoding, a text past the limit and one of too many numbers are refused with a clear message', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=add');
  const input = page.locator('ict-compare .add-report input[type=file]');
  await input.setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n\u0000\u0001binary') });
  const alert = page.locator('ict-compare .add-report [role=alert]');
  assert.match(await alert.textContent(), /\(dòng 2, ký tự 1\): đây không phải tệp văn bản/);
  await input.setInputFiles({ name: 'windows-1258.txt', mimeType: 'text/plain', buffer: Buffer.from([0x43, 0xf3, 0x20, 0x31, 0x32]) });
  await page.waitForFunction(() => /UTF-8/.test(document.querySelector('ict-compare').shadowRoot.querySelector('.add-report [role=alert]')?.textContent ?? ''));
  // A byte that is not UTF-8 is placed by its character on the line (no field applies).
  assert.match(await alert.textContent(), /dòng 1, ký tự 2/);
  // A text past the engine's limit is refused before it is read, with the limit in MB.
  await input.setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.alloc(1024 * 1024 + 1, 0x61) });
  await page.waitForFunction(() => /long\.txt/.test(document.querySelector('ict-compare').shadowRoot.querySelector('.add-report [role=alert]')?.textContent ?? ''));
  assert.match(await alert.textContent(), /long\.txt > 1 MB/);
  // A text of more numbers than a report holds, which would keep the page busy for seconds,
  // is refused at the first number past the limit, in the reader's words.
  await input.setInputFiles({ name: 'numbers.txt', mimeType: 'text/plain', buffer: Buffer.from('1 '.repeat(20_001)) });
  await page.waitForFunction(() => /con số/.test(document.querySelector('ict-compare').shadowRoot.querySelector('.add-report [role=alert]')?.textContent ?? ''));
  assert.match(await alert.textContent(), /\(dòng 1, ký tự 40001\): văn bản có 20\.001 con số, nhiều hơn 20\.000 số/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a text file dropped on the view is read as a report, not as a CSV for the page', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=add&lang=en');
  await page.locator('ict-compare .add-report').waitFor();
  await page.locator('ict-compare .add-report').evaluate((view, text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'bp-2024.txt', { type: 'text/plain' }));
    view.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }));
  }, ARTICLE);
  const summary = page.locator('ict-compare .add-report .summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /^4 figures proposed/);
  // The page's own notice (a reader's CSV) says nothing.
  assert.equal(await page.locator('ict-compare .notice').isVisible(), false);
  assert.deepEqual(problems(), []);
  await context.close();
});
