// A reader's file speaks only for itself: it cannot borrow a bundled report's id or a bundled
// figure's, its figures are credited to the file wherever they are shown, and a second file
// replaces the first and says so. And the smaller mistakes: "-0" is written 0, and a period
// with no figure says so instead of drawing an empty table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, SCREENSHOTS } from './browser.mjs';
import { csvRows } from './csv.mjs';

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

const HEADER = 'observation_id,province,indicator_id,period,value,source_id,quote\n';

async function open(page, name, text) {
  await page.locator('ict-compare .open-file input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.waitForFunction((file) => document.querySelector('ict-compare').shadowRoot.querySelector('.notice')?.textContent.includes(file), name);
  return page.locator('ict-compare .notice').textContent();
}

/** The figures the Sources view credits to a bundled report, by opening it. */
async function figuresOf(page, source) {
  await page.locator('ict-compare [role=tab][data-tab=sources]').click();
  return page.locator(`ict-compare article.source[data-source="${source}"] summary`).textContent();
}

test("a reader's file naming a bundled report or a bundled figure is refused, and the report's figures stay its own", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:84&indicators=bts_stations', { viewport: { width: 375, height: 812 } });
  const before = await figuresOf(page, 'tv-2023');
  const cases = [
    ['borrowed-source.csv', readFileSync('tests/bad-inputs/49-bundled-source-id.csv', 'utf8'), /borrowed-source\.csv \(dòng 2, trường 6\).*"tv-2023".*mã riêng/],
    ['borrowed-id.csv', readFileSync('tests/bad-inputs/50-bundled-observation-id.csv', 'utf8'), /borrowed-id\.csv \(dòng 3, trường 1\).*"tv-2023-006".*mã riêng/],
  ];
  for (const [name, text, said] of cases) {
    const notice = await open(page, name, text);
    assert.match(notice, said);
    assert.equal(await page.locator('ict-compare .notice').evaluate((n) => n.classList.contains('error')), true);
  }
  await page.screenshot({ path: `${SCREENSHOTS}/bundled-id-refused-375.png` });
  assert.equal(await figuresOf(page, 'tv-2023'), before);
  assert.equal(await page.locator('ict-compare article.source[data-origin=user]').count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a reader's figures are credited to the reader's file in the table, the quote panel and the Sources view", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:84&indicators=bts_stations&period=2019', { viewport: { width: 1280, height: 900 } });
  // A source id that looks like a report's, and a title-like quote: still the reader's.
  await open(page, 'so-tt.csv', `${HEADER}mine-001,p63:84,bts_stations,2019,1300,tv-2019,"Báo Trà Vinh: 1.300 trạm BTS"\n`);
  const cell = page.locator('ict-compare td[data-province="p63:84"] button.value');
  assert.equal(await cell.evaluate((b) => b.classList.contains('user')), true);
  await cell.click();
  const caption = await page.locator('ict-compare .provenance figcaption').textContent();
  assert.match(caption, /^Tệp của bạn: so-tt\.csv · tv-2019$/);
  await page.screenshot({ path: `${SCREENSHOTS}/user-figure-quote-1280.png` });
  await page.keyboard.press('Escape');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('ict-compare button[data-action=csv]').click()]);
  const row = csvRows(readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, ''), ';').find((r) => r.province === 'p63:84');
  assert.deepEqual([row.origin, row.user_file, row.source_id, row.publisher, row.mark], ['user', 'so-tt.csv', 'tv-2019', '', 'user']);
  await page.locator('ict-compare [role=tab][data-tab=sources]').click();
  const mine = page.locator('ict-compare article.source[data-source="tv-2019"]');
  assert.equal(await mine.getAttribute('data-origin'), 'user');
  assert.match(await mine.locator('.meta').textContent(), /^Tệp của bạn: so-tt\.csv · Trà Vinh$/);
  assert.match(await mine.locator('summary').textContent(), /1 số liệu từ tệp của bạn/);
  // The lede counts the bundled reports apart from the reader's file.
  const reports = csvRows(readFileSync('data/sources.csv', 'utf8')).length;
  const tables = csvRows(readFileSync('data/tables.csv', 'utf8')).length;
  assert.match(
    await page.locator('ict-compare .lede').textContent(),
    new RegExp(`từ ${reports} báo cáo và \\d+ số liệu từ ${tables} bảng xếp hạng[^.]*\\. Cộng 1 số liệu của bạn từ so-tt\\.csv\\.$`),
  );
  // The footer names the bundled outlets only.
  assert.doesNotMatch(await page.locator('ict-compare .footer').textContent(), /tv-2019|so-tt/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a second file replaces the first and says so; a bad one leaves the first in place and says which is shown', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:84,p63:01&indicators=bts_stations');
  await open(page, 'first.csv', `${HEADER}a-1,p63:01,bts_stations,2024,15000,first-2024,q\n`);
  const cell = page.locator('ict-compare td[data-province="p63:01"] button.value');
  assert.match(await cell.textContent(), /15\.000/);
  assert.match(await page.locator('ict-compare .open-file').textContent(), /Mở tệp CSV khác \(thay cho first\.csv\)/);
  const notice = await open(page, 'second.csv', `${HEADER}b-1,p63:01,bts_stations,2024,16000,second-2024,q\n`);
  assert.match(notice, /second\.csv đã thay cho first\.csv: 1 số liệu/);
  assert.match(await cell.textContent(), /16\.000/);
  await page.locator('ict-compare [role=tab][data-tab=sources]').click();
  // The Sources view loads its code on demand: its list is read once drawn.
  await page.locator('ict-compare article.source[data-origin=user]').first().waitFor();
  const users = await page.locator('ict-compare article.source[data-origin=user]').evaluateAll((a) => a.map((x) => x.dataset.source));
  assert.deepEqual(users, ['second-2024'], 'the first file is gone');
  const bad = await open(page, 'third.csv', `${HEADER}c-1,p63:01,bts_stations,2024,-5,third-2024,q\n`);
  assert.match(bad, /Không đọc được third\.csv.*Vẫn đang hiển thị second\.csv\./);
  await page.locator('ict-compare [role=tab][data-tab=table]').click();
  assert.match(await cell.textContent(), /16\.000/);
  await page.screenshot({ path: `${SCREENSHOTS}/second-file-1280.png` });
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a file waits for the engine's second module, which reads it: when that cannot be fetched the reader is told, and the next try loads it", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:84,p63:01&indicators=bts_stations');
  let refuse = true;
  let asked = 0;
  await page.route('**/ict_compare_full_bg.wasm', (route) => {
    asked += 1;
    return refuse ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue();
  });
  const text = `${HEADER}a-1,p63:01,bts_stations,2024,15000,first-2024,q\n`;
  const cell = page.locator('ict-compare td[data-province="p63:01"]');
  const shown = await cell.textContent();
  await page.locator('ict-compare .open-file input').setInputFiles({ name: 'first.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.waitForFunction(() => /Chưa tải được phần đọc tệp/.test(document.querySelector('ict-compare').shadowRoot.querySelector('.notice')?.textContent ?? ''));
  assert.equal(await page.locator('ict-compare .notice').evaluate((n) => n.classList.contains('error')), true);
  assert.equal(await cell.textContent(), shown, 'nothing changed');
  assert.equal(asked, 1);
  refuse = false;
  const notice = await open(page, 'first.csv', text);
  assert.match(notice, /Đã thêm 1 số liệu từ first\.csv/);
  assert.match(await cell.textContent(), /15\.000/);
  assert.equal(asked, 2, 'fetched again, once');
  // The refused fetch is the browser's own console error; nothing else went wrong.
  assert.deepEqual(problems().filter((p) => !/503|Failed to load resource/.test(p)), []);
  await context.close();
});

test("a second module of another build (one a cache kept) is refused: the reader is told to reload, and no figure of it is shown", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:84,p63:01&indicators=bts_stations');
  // The second module's script as another build's would answer: another bundled pack.
  await page.route('**/ict_compare_full-*.js', async (route) => {
    const response = await route.fetch();
    const script = (await response.text()).replace('static bundledId(){', 'static bundledId(){return"another build";');
    await route.fulfill({ response, body: script });
  });
  const cell = page.locator('ict-compare td[data-province="p63:01"]');
  const shown = await cell.textContent();
  const text = `${HEADER}a-1,p63:01,bts_stations,2024,15000,first-2024,q\n`;
  await page.locator('ict-compare .open-file input').setInputFiles({ name: 'first.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.waitForFunction(() => /Trang vừa được cập nhật/.test(document.querySelector('ict-compare').shadowRoot.querySelector('.notice')?.textContent ?? ''));
  assert.match(await page.locator('ict-compare .notice').textContent(), /hãy tải lại trang để mở tệp/);
  assert.equal(await cell.textContent(), shown, 'nothing changed');
  // The report assistant is in the same module: its tab says the same, in the reader's words.
  await page.locator('ict-compare [role=tab][data-tab=add]').click();
  const status = page.locator('ict-compare .status.error');
  await status.waitFor({ state: 'visible' });
  assert.match(await status.textContent(), /Trang vừa được cập nhật/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('"-0" is written 0', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:01&indicators=bts_stations&period=2024');
  await open(page, 'zero.csv', `${HEADER}z-1,p63:01,bts_stations,2024,-0,zero-2024,q\n`);
  const text = await page.locator('ict-compare td[data-province="p63:01"] button.value .number').textContent();
  assert.equal(text, '0');
  await page.locator('ict-compare [role=tab][data-tab=sources]').click();
  const mine = page.locator('ict-compare article.source[data-source="zero-2024"]');
  await mine.locator('summary').click();
  assert.equal(await mine.locator('td.number').textContent(), '0');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a period with no figure says so, names the years that have one, and offers the latest', async () => {
  for (const [lang, said, button] of [['vi', /Không có số liệu nào năm 2019.*Các năm có số liệu: 2023/, 'Xem số liệu mới nhất'], ['en', /No figure for 2019.*Years with figures: 2023/, 'Show the latest figures']]) {
    const { page, context, problems } = await openPage(session.browser, session.origin, `/?lang=${lang}&provinces=p63:84&indicators=bts_stations&period=2019`, { viewport: { width: 375, height: 812 } });
    const empty = page.locator('ict-compare .panel .empty-state');
    assert.match(await empty.textContent(), said);
    assert.equal(await page.locator('ict-compare table.compare').count(), 0, 'no empty table');
    assert.equal(await page.locator('ict-compare select[name=period]').inputValue(), '2019');
    if (lang === 'vi') await page.screenshot({ path: `${SCREENSHOTS}/empty-period-375.png` });
    await empty.getByRole('button', { name: button }).click();
    assert.equal(await page.locator('ict-compare table.compare').count(), 1);
    assert.match(await page.locator('ict-compare td[data-province="p63:84"]').textContent(), /1\.208|1,208/);
    assert.deepEqual(problems(), []);
    await context.close();
  }
});

test("a reader's figures come back with a reload, as their columns do, until the reader removes the file", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:84&indicators=bts_stations&period=2019');
  await open(page, 'kept.csv', `${HEADER}kept-001,p63:84,bts_stations,2019,1400,kept-src,"1.400 trạm"\n`);
  const cell = page.locator('ict-compare td[data-province="p63:84"] button.value');
  assert.equal(await cell.evaluate((b) => b.classList.contains('user')), true);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.equal(await cell.evaluate((b) => b.classList.contains('user')), true);
  assert.match(await cell.locator('.number').textContent(), /^1\.400$/);
  assert.match(await page.locator('ict-compare .notice').textContent(), /Đã mở lại 1 số liệu từ kept\.csv/);
  assert.match(await page.locator('ict-compare .open-file').textContent(), /thay cho kept\.csv/);
  // Removed, it stays removed.
  await page.locator('ict-compare button[data-action=clear-user]').click();
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  assert.equal(await page.locator('ict-compare button.value.user').count(), 0);
  assert.doesNotMatch(await page.locator('ict-compare .notice').textContent(), /kept\.csv/);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('"download all data" gives every figure with its provenance, for Excel in a Vietnamese locale, a reader\'s included', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?tab=chart');
  assert.match(await open(page, 'mine.csv', `${HEADER}mine-001,p63:84,households_fibre_share,2019,61.5,mine-src,"61,5 % hộ"\n`), /Đã thêm 1 số liệu/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('ict-compare button[data-action=csv-all]').click()]);
  assert.equal(download.suggestedFilename(), 'ict-compare-all-data.csv');
  const text = readFileSync(await download.path(), 'utf8');
  // A byte-order mark, `;` between fields, CRLF line ends.
  assert.ok(text.startsWith('\ufeffprovince;province_name;indicator;'), text.slice(0, 60));
  assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text));
  const rows = csvRows(text.slice(1), ';');
  const bundled = [...csvRows(readFileSync('data/observations.csv', 'utf8')), ...csvRows(readFileSync('data/table_observations.csv', 'utf8'))];
  assert.equal(rows.length, bundled.length + 1);
  // Decimal commas, no grouping; the source and the publisher of each figure.
  const dti = bundled.find((o) => o.observation_id === 'dti-2024-p63-063');
  const shown = rows.find((r) => r.province === 'p63:44' && r.indicator === 'dti_score' && r.period === '2024');
  assert.equal(shown.value, dti.value.replace('.', ','));
  assert.ok(shown.publisher && shown.source_id, JSON.stringify(shown));
  const mine = rows.find((r) => r.source_id === 'mine-src');
  assert.deepEqual([mine.province, mine.value, mine.origin, mine.quote], ['p63:84', '61,5', 'user', '61,5 % hộ']);
  assert.deepEqual(problems(), []);
  await context.close();
});

test("a refused file is told in the reader's language, by line and field; a semicolon file is named as such; the template opens", async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/?provinces=p63:84&indicators=bts_stations');
  const bad = await open(page, 'bad-number.csv', `${HEADER}m-1,p63:84,bts_stations,2019,1.300.5,mine,"x"\n`);
  assert.match(bad, /bad-number\.csv \(dòng 2, trường 5\): "1\.300\.5" ở cột "value" không phải là số/);
  assert.doesNotMatch(bad, /cột \d|column|invalid/);
  // A value no figure can have, by the rule it breaks, in the reader's number format.
  const negative = await open(page, 'negative.csv', `${HEADER}m-1,p63:84,bts_stations,2019,-5.5,mine,"x"\n`);
  assert.match(negative, /negative\.csv \(dòng 2, trường 5\): giá trị -5,5 là số âm/);
  const share = await open(page, 'share.csv', `${HEADER}m-1,p63:84,households_fibre_share,2019,120.5,mine,"x"\n`);
  assert.match(share, /share\.csv \(dòng 2, trường 5\): giá trị 120,5 lớn hơn 100, mức cao nhất/);
  assert.doesNotMatch(`${negative} ${share}`, /implausible|figure|cannot/);
  // A field's form, by the rule the column follows.
  const period = await open(page, 'period.csv', `${HEADER}m-1,p63:84,bts_stations,2019/5,1300,mine,"x"\n`);
  assert.match(period, /period\.csv \(dòng 2, trường 4\): "2019\/5" ở cột "period" không hợp lệ \(cần năm, tháng hoặc ngày: YYYY, YYYY-MM hoặc YYYY-MM-DD\)/);
  const count = await open(page, 'count.csv', `${HEADER}m-1,p63:84,bts_stations,2019,1.3,mine,"x"\n`);
  assert.match(count, /count\.csv \(dòng 2, trường 5\): "1\.3" ở cột "value" không hợp lệ \(cần số nguyên cho một số đếm; nếu 1\.3 là nghìn, hãy viết 1300\)/);
  assert.doesNotMatch(`${period} ${count}`, / or |whole number|write /);
  const semicolons = await open(page, 'excel.csv', `${HEADER.replaceAll(',', ';')}m-1;p63:84;bts_stations;2019;1300;mine;x\n`);
  assert.match(semicolons, /excel\.csv.*dấu chấm phẩy \(;\)/);
  // The template, downloaded and opened as it is, loads.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('ict-compare button[data-action=template]').click()]);
  const template = readFileSync(await download.path(), 'utf8');
  const columns = template.split('\n')[0].trim().split(',');
  for (const column of ['observation_id', 'province', 'indicator_id', 'period', 'value', 'source_id']) assert.ok(columns.includes(column), columns.join(','));
  const loaded = await open(page, 'ict-compare-template.csv', template);
  assert.match(loaded, /Đã thêm 1 số liệu từ ict-compare-template\.csv/);
  assert.deepEqual(problems(), []);
  await context.close();
});
