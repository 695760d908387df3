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
 * @param {{matrix: import('../types/engine').DenseMatrix, catalog: any, lang: 'vi'|'en',
 *          onValue: (anchor: HTMLElement, figure: any) => void, offset?: number,
 *          onPage?: (offset: number) => void, empty?: HTMLElement|null,
 *          notices?: HTMLElement[], conflicts?: import('../types/engine').Conflict[]}} model
 */
export function render(container, { matrix, catalog, lang, onValue, offset = 0, onPage = () => {}, empty = null, notices = [], conflicts = [] }) {
  const t = messages(lang);
  const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
  const provinces = new Map(catalog.provinces.map((p) => [p.id, p]));
  const nodes = [];
  if (empty && !matrix.present.includes(1)) {
    container.replaceChildren(empty);
    return;
  }
  const width = matrix.indicators.length;
  const start = offset < width ? offset : 0;
  const shown = matrix.indicators.slice(start, start + PAGE_ROWS);

  nodes.push(...notices);
  const warnings = warningList(matrix.warnings, indicators, lang);
  if (warnings) nodes.push(warnings);

  const scroller = document.createElement('div');
  scroller.className = 'table-scroll';
  scroller.tabIndex = 0;
  const table = document.createElement('table');
  table.className = 'compare';
  const caption = document.createElement('caption');
  caption.textContent = `${t.tabs.table}: ${matrix.provinces.map((id) => provinces.get(id)?.name ?? id).join(', ')}`;
  table.append(caption);
  const head = table.createTHead().insertRow();
  const corner = document.createElement('th');
  corner.scope = 'col';
  corner.textContent = t.indicator;
  head.append(corner);
  for (const id of matrix.provinces) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.dataset.province = id;
    const province = provinces.get(id);
    th.textContent = province?.name ?? id;
    if (province?.mergedFrom?.length > 1) {
      const members = document.createElement('small');
      members.textContent = province.mergedFrom.map((m) => provinces.get(m)?.name ?? m).join(' + ');
      th.append(document.createElement('br'), members);
    }
    head.append(th);
  }
  const body = table.createTBody();
  shown.forEach((id, i) => {
    const c = start + i;
    const unit = matrix.units[c];
    const indicator = indicators.get(id);
    const tr = body.insertRow();
    tr.dataset.indicator = id;
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = indicatorName(indicator, lang);
    const unitNote = document.createElement('small');
    unitNote.className = 'unit';
    unitNote.textContent = unitHeading(unit, lang);
    if (unitNote.textContent) th.append(document.createElement('br'), unitNote);
    tr.append(th);
    matrix.provinces.forEach((province, r) => {
      const td = tr.insertCell();
      td.dataset.province = province;
      const cell = cellAt(matrix, r, c);
      if (!cell) {
        td.className = 'empty';
        td.textContent = '–';
        td.setAttribute('aria-label', t.noData);
        return;
      }
      td.append(valueButton(cell, unit, indicator, lang, onValue));
      const conflict = cell.origin === 'user' && conflicts.find((k) => k.shownIn === province && k.indicator === id && k.period === cell.period);
      if (conflict) td.append(publishedBeside(conflict, indicator, lang));
    });
  });
  scroller.append(table);
  nodes.push(scroller);
  const nav = pager({ total: width, offset: start, limit: PAGE_ROWS, lang, label: t.tablePages, onPage });
  if (nav) nodes.push(nav);
  container.replaceChildren(...nodes);
}

/**
 * The figure of row `r` and column `c` of the dense answer, as the value button and the
 * popover read a figure, or null where nothing is reported. Its `ref`, the address the
 * engine's provenance is asked by, is the one the answer's type documents: the row's
 * province, the column's indicator and per capita, the answer's period, and whether the
 * figure is a target.
 * @param {import('../types/engine').DenseMatrix} matrix
 * @param {number} r
 * @param {number} c
 */
function cellAt(matrix, r, c) {
  const i = r * matrix.indicators.length + c;
  if (!matrix.present[i]) return null;
  const value = matrix.values[i];
  const outOf = matrix.outOf[i];
  const isTarget = matrix.targets[i] === 1;
  return {
    value: Number.isNaN(value) ? null : value,
    outOf: Number.isNaN(outOf) ? null : outOf,
    qualifier: matrix.qualifierCodes[matrix.qualifiers[i]],
    period: matrix.periodCodes[matrix.periods[i]],
    isTarget,
    origin: matrix.originCodes[matrix.origins[i]],
    derived: matrix.derived[i] ? { reported: matrix.reported[i], members: matrix.members[i] } : null,
    best: matrix.best[c] === r,
    ref: {
      province: matrix.provinces[r],
      indicator: matrix.indicators[c],
      period: matrix.period,
      perCapita: matrix.perCapita[c],
      target: isTarget,
    },
  };
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
