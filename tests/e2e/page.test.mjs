// The page as a reader meets it: it loads the engine, shows every bundled figure, and says
// where each comes from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, SCREENSHOTS } from './browser.mjs';

/** Data rows of a CSV file, read independently of the engine (RFC 4180 quoting). */
function csvRows(path) {
  const text = readFileSync(path, 'utf8');
  const rows = [];
  let field = '';
  let row = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

let session;
before(async () => { session = await start(); });
after(async () => { await session.close(); });

test('the page loads the engine and lists every bundled figure, with no errors', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true');
  const observations = csvRows('data/observations.csv');
  const summary = page.locator('.summary');
  assert.equal(await summary.getAttribute('data-count'), String(observations.length));
  const rows = await page.locator('table.observations tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ id: tr.dataset.id, cells: [...tr.cells].map((td) => td.textContent), quote: tr.cells[3].title })),
  );
  assert.equal(rows.length, observations.length);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const o of observations) {
    const row = byId.get(o.observation_id);
    assert.ok(row, `row ${o.observation_id} is shown`);
    assert.ok(row.quote.includes(o.quote), `${o.observation_id} carries its quote`);
  }
  await page.screenshot({ path: `${SCREENSHOTS}/observations-desktop.png`, fullPage: false });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('values are written the Vietnamese way', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin);
  const observations = csvRows('data/observations.csv');
  const indicators = new Map(csvRows('data/indicators.csv').map((i) => [i.indicator_id, i]));
  const shown = new Map(
    await page.locator('table.observations tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.id, tr.cells[3].textContent])),
  );
  // An independent formatter: '.' groups thousands, ',' marks decimals, ' %' for shares.
  const vi = (n) => {
    const [int, frac] = String(Math.abs(n)).split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return (n < 0 ? '-' : '') + grouped + (frac ? `,${frac.slice(0, 2).replace(/0+$/, '')}` : '');
  };
  let checked = 0;
  for (const o of observations) {
    if (o.qualifier && o.qualifier !== 'exact') continue;
    const unit = indicators.get(o.indicator_id).unit;
    let expected = vi(Number(o.value));
    if (o.out_of) expected += `/${vi(Number(o.out_of))}`;
    if (unit === 'percent') expected += ' %';
    assert.equal(shown.get(o.observation_id), expected, o.observation_id);
    checked++;
  }
  assert.ok(checked > 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the page is usable at 375 px wide', async () => {
  const { page, context, problems } = await openPage(session.browser, session.origin, '/', {
    viewport: { width: 375, height: 800 },
  });
  await page.screenshot({ path: `${SCREENSHOTS}/observations-375.png` });
  assert.deepEqual(problems(), []);
  await context.close();
});
