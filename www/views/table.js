// The comparison table: indicators down, provinces across, every number a button that opens
// the sentence of the report that states it. Qualifiers, periods, derived values and the best
// value (only where the order is certain) are shown in the cell; warnings are said in words.
import { formatPeriod, formatValue, unitHeading } from '../format.js';
import { indicatorName, messages } from '../i18n.js';
import { PAGE_ROWS, pager } from '../pager.js';
import { publishedBeside } from './conflicts.js';

/**
 * The indicators are drawn a page at a time (`offset`, `onPage`); a request with no figure at
 * all says so (`empty`) instead of drawing a grid of dashes. `notices` (what the engine says
 * the reader must know: conflicts, an indicator of one province) come first; a reader's figure
 * in `conflicts` has the published one written under it.
 * @param {HTMLElement} container
 * @param {{matrix: import('../../pkg/ict_compare.js').Matrix, catalog: any, lang: 'vi'|'en',
 *          onValue: (anchor: HTMLElement, figure: any) => void, offset?: number,
 *          onPage?: (offset: number) => void, empty?: HTMLElement|null,
 *          notices?: HTMLElement[], conflicts?: import('../types/engine').Conflict[]}} model
 */
export function render(container, { matrix, catalog, lang, onValue, offset = 0, onPage = () => {}, empty = null, notices = [], conflicts = [] }) {
  const t = messages(lang);
  const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
  const provinces = new Map(catalog.provinces.map((p) => [p.id, p]));
  const nodes = [];
  if (empty && !matrix.rows.some((row) => row.cells.some((cell) => cell != null))) {
    container.replaceChildren(empty);
    return;
  }
  const start = offset < matrix.columns.length ? offset : 0;
  const shown = matrix.columns.slice(start, start + PAGE_ROWS);

  nodes.push(...notices);
  const warnings = warningList(matrix.warnings, indicators, lang);
  if (warnings) nodes.push(warnings);

  const scroller = document.createElement('div');
  scroller.className = 'table-scroll';
  scroller.tabIndex = 0;
  const table = document.createElement('table');
  table.className = 'compare';
  const caption = document.createElement('caption');
  caption.textContent = `${t.tabs.table}: ${matrix.rows.map((r) => provinces.get(r.province)?.name ?? r.province).join(', ')}`;
  table.append(caption);
  const head = table.createTHead().insertRow();
  const corner = document.createElement('th');
  corner.scope = 'col';
  corner.textContent = t.indicator;
  head.append(corner);
  for (const row of matrix.rows) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.dataset.province = row.province;
    const province = provinces.get(row.province);
    th.textContent = province?.name ?? row.province;
    if (province?.mergedFrom?.length > 1) {
      const members = document.createElement('small');
      members.textContent = province.mergedFrom.map((m) => provinces.get(m)?.name ?? m).join(' + ');
      th.append(document.createElement('br'), members);
    }
    head.append(th);
  }
  const body = table.createTBody();
  shown.forEach((column, i) => {
    const c = start + i;
    const indicator = indicators.get(column.indicator);
    const tr = body.insertRow();
    tr.dataset.indicator = column.indicator;
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = indicatorName(indicator, lang);
    const unit = document.createElement('small');
    unit.className = 'unit';
    unit.textContent = unitHeading(column.unit, lang);
    if (unit.textContent) th.append(document.createElement('br'), unit);
    tr.append(th);
    for (const row of matrix.rows) {
      const td = tr.insertCell();
      td.dataset.province = row.province;
      const cell = row.cells[c];
      if (!cell) {
        td.className = 'empty';
        td.textContent = '–';
        td.setAttribute('aria-label', t.noData);
        continue;
      }
      td.append(valueButton(cell, column.unit, indicator, lang, onValue));
      const conflict = cell.origin === 'user' && conflicts.find((k) => k.shownIn === row.province && k.indicator === column.indicator && k.period === cell.period);
      if (conflict) td.append(publishedBeside(conflict, indicator, lang));
    }
  });
  scroller.append(table);
  nodes.push(scroller);
  const nav = pager({ total: matrix.columns.length, offset: start, limit: PAGE_ROWS, lang, label: t.tablePages, onPage });
  if (nav) nodes.push(nav);
  container.replaceChildren(...nodes);
}

/** The button showing one figure: qualifier and value, period, marks. */
export function valueButton(cell, unit, indicator, lang, onValue) {
  const t = messages(lang);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'value';
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  const line = document.createElement('span');
  line.className = 'line';
  const number = document.createElement('span');
  number.className = 'number';
  if (cell.value == null) {
    number.textContent = cell.derived ? t.partial(cell.derived.reported, cell.derived.members) : '–';
    button.classList.add('partial');
  } else {
    number.textContent = formatValue(cell, unit, lang);
  }
  line.append(number);
  button.append(line);
  const marks = [];
  if (cell.best) marks.push(['best', '★', indicator?.better === 'lower' ? t.bestLower : t.best]);
  if (cell.derived) marks.push(['derived', '†', t.derivedMark]);
  if (cell.origin === 'user') marks.push(['user', '◆', t.userMark]);
  for (const [kind, symbol, label] of marks) {
    const mark = document.createElement('span');
    mark.className = `mark ${kind}`;
    mark.textContent = symbol;
    mark.title = label;
    const spoken = document.createElement('span');
    spoken.className = 'visually-hidden';
    spoken.textContent = ` (${label})`;
    line.append(mark, spoken);
  }
  const period = document.createElement('span');
  period.className = 'period';
  period.textContent = formatPeriod(cell.period) + (cell.isTarget ? ` (${t.target})` : '');
  button.append(period);
  if (cell.best) button.classList.add('best');
  if (cell.origin === 'user') button.classList.add('user');
  button.addEventListener('click', () => onValue(button, cell, { focus: true }));
  // Hovering shows the quote while the pointer is on the number; a click keeps it open.
  button.addEventListener('mouseenter', () => onValue(button, cell, { focus: false, hover: true }));
  button.addEventListener('mouseleave', () => onValue(button, cell, { leave: true }));
  return button;
}

/** Warnings in words, or null. */
export function warningList(warnings, indicators, lang) {
  if (!warnings?.length) return null;
  const t = messages(lang);
  const note = document.createElement('div');
  note.className = 'warnings';
  note.setAttribute('role', 'note');
  const list = document.createElement('ul');
  note.append(list);
  // One sentence per kind of warning (and per look-alike family), naming every indicator.
  const groups = new Map();
  for (const warning of warnings) {
    const key = warning.code === 'lookAlike' ? `lookAlike:${warning.indicators.join(',')}` : warning.code;
    const group = groups.get(key) ?? { code: warning.code, indicators: [] };
    group.indicators.push(...warning.indicators);
    groups.set(key, group);
  }
  for (const { code, indicators: ids } of groups.values()) {
    const item = document.createElement('li');
    item.dataset.code = code;
    const names = ids.map((id) => {
      const indicator = indicators.get(id);
      return indicator ? indicatorName(indicator, lang) : id;
    }).join('; ');
    const say = t.warnings[code];
    item.textContent = say ? say(names) : names;
    list.append(item);
  }
  return note;
}
