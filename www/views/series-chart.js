// The province, its region and the country over the years, as the engine's province view gives
// them (series.lines with their labels, series.breaks where the method changed): a line chart
// with the names at the lines' ends and the breaks marked, and the same figures as a table,
// which a "Table" button shows in its place and which screen readers always have. The engine
// picks the lines, their order, their points and the breaks; this file gathers the years the
// points name into the axis, formats and draws.
import { formatValue } from '../format.js';
import { mineWords } from '../i18n/mine.js';
import { node } from './province-parts.js';
import { redrawOnResize } from './svg.js';
import { drawSeries } from './series-chart/draw.js';

// Whether the reader chose the table, kept while the view is redrawn for another year.
let tableShown = false;

/**
 * @param {import('../types/engine').ProvinceView} view
 * @param {'vi'|'en'} lang
 * @param {(figure: any, indicator: any) => string} text a figure as the province view writes it
 * @returns {HTMLElement}
 */
export function seriesFigure(view, lang, text) {
  const w = mineWords(lang);
  const lines = view.series.lines.map((line) => ({
    kind: line.kind,
    label: lang === 'en' ? line.labelEn : line.labelVi,
    points: line.points.map((p) => ({ ...p, text: p.value == null ? '–' : text({ ...p, members: null, reported: null }, view.indicator) })),
  }));
  const years = [...new Set(lines.flatMap((l) => l.points.filter((p) => p.value != null).map((p) => p.year)))].sort((a, b) => a - b);
  if (!years.length) return node('p', { class: 'series-none' }, w.noSeries);
  const breaks = view.series.breaks;
  const title = `${w.seriesTitle} · ${lang === 'en' ? view.indicator.nameEn : view.indicator.nameVi}`;
  const said = lines.map((l) => `${l.label}: ${l.points.filter((p) => p.value != null).map((p) => `${p.year} ${p.text}`).join(', ')}`);
  const summary = [title, ...said, ...breaks.map((b) => `${w.methodChanged} ${b.year}`)].join('. ');

  const holder = node('div', { class: 'series-chart' });
  const model = {
    lines, breaks, title, summary,
    breakLabel: w.methodChanged,
    tick: (value) => formatValue({ value, qualifier: 'exact' }, view.indicator.unit, lang),
  };
  let drawn = 0;
  const draw = () => {
    // Drawn for the width it is given; before it is on the page, for a laptop's.
    const width = Math.max(280, Math.floor(holder.clientWidth || 640));
    if (width === drawn) return;
    drawn = width;
    holder.replaceChildren(drawSeries(model, width).svg);
  };
  draw();

  const data = node('div', { class: 'series-data' }, table(view, lines, years, lang));
  const toggle = node('button', { type: 'button', class: 'series-toggle', 'aria-pressed': String(tableShown) }, w.seriesTable);
  // Shown, the table scrolls sideways on a narrow screen, so it is a region the keyboard can
  // reach; hidden, it is clipped and never scrolls.
  const show = () => {
    holder.hidden = tableShown;
    data.className = tableShown ? 'series-data table-scroll' : 'series-data visually-hidden';
    for (const [name, value] of [['tabindex', '0'], ['role', 'region'], ['aria-label', title]]) {
      if (tableShown) data.setAttribute(name, value);
      else data.removeAttribute(name);
    }
    toggle.setAttribute('aria-pressed', String(tableShown));
  };
  toggle.addEventListener('click', () => {
    tableShown = !tableShown;
    show();
    draw();
  });
  show();
  const notes = breaks.map((b) => node('li', { 'data-year': String(b.year) }, `${w.methodChanged} ${b.year}: ${lang === 'en' ? b.noteEn : b.noteVi}`));
  const figure = node('figure', { class: 'series' },
    node('figcaption', {}, node('span', {}, w.seriesTitle), toggle),
    holder, data,
    notes.length ? node('ul', { class: 'breaks' }, ...notes) : '');
  redrawOnResize(holder, figure, holder, () => {
    drawn = 0;
    if (!holder.hidden) draw();
  });
  return figure;
}

/** The same figures as a table, years across, one row per line. */
function table(view, lines, years, lang) {
  const w = mineWords(lang);
  const head = node('tr', {}, node('th', { scope: 'col' }, w.seriesLine), ...years.map((y) => node('th', { scope: 'col' }, String(y))));
  const body = lines.map((line) => {
    const cells = years.map((year) => node('td', {}, line.points.find((p) => p.year === year)?.text ?? '–'));
    return node('tr', { class: line.kind }, node('th', { scope: 'row' }, line.label), ...cells);
  });
  return node('table', { class: 'series-table' },
    node('caption', { class: 'visually-hidden' }, `${w.seriesTitle} · ${lang === 'en' ? view.indicator.nameEn : view.indicator.nameVi}`),
    node('thead', {}, head), node('tbody', {}, ...body));
}
