// "My province among all": the engine's province view drawn as it comes. Headlines (DTI and
// PAPI e-governance, latest, with rank and change), the timeline, the ranking of every province
// with the national and regional averages as reference lines, the province against its region
// and the country over the years with the methodology's breaks (a line chart, series-chart.js),
// and its report figures. The engine orders the rows, picks the unit and decides what is
// comparable; this file formats and draws.
import { formatNumber, formatValue } from '../format.js';
import { indicatorName, messages } from '../i18n.js';
import { mineWords } from '../i18n/mine.js';
import { node, timeline } from './province-parts.js';
import { seriesFigure } from './series-chart.js';

/**
 * @param {HTMLElement} container
 * @param {{view: import('../types/engine').ProvinceView, lang: 'vi'|'en',
 *          indicators: Map<string, any>, choices: {id: string, name: string}[],
 *          onProvince: (id: string) => void, onYear: (year: number|'latest') => void,
 *          onFigure: (anchor: HTMLElement, figure: import('../types/engine').ViewFigure) => void}} model
 */
export function render(container, { view, indicators, lang, choices, onProvince, onYear, onFigure }) {
  const t = messages(lang);
  const name = (thing) => (lang === 'en' ? thing.nameEn ?? thing.labelEn : thing.nameVi ?? thing.labelVi);
  const value = (figure, indicator) => figureText(figure, indicator, lang);

  const select = /** @type {HTMLSelectElement} */ (node('select', { 'aria-label': mineWords(lang).choose }));
  for (const choice of choices) {
    const option = /** @type {HTMLOptionElement} */ (node('option', { value: choice.id }, choice.name));
    option.selected = choice.id === view.province.id;
    select.append(option);
  }
  select.addEventListener('change', () => onProvince(select.value));
  // The region by the name the engine gives its average (the province's region is a code).
  const regional = view.ranking.references.find((r) => r.kind === 'regional');
  const regionName = regional ? (lang === 'en' ? regional.nameEn : regional.nameVi) : '';
  const header = node('div', { class: 'province-header' },
    node('label', {}, `${mineWords(lang).choose} `, select),
    regionName ? node('span', { class: 'region' }, ` · ${regionName}`) : '');

  // Headlines: the index scores as their publishers print them, the rank out of the list, the change.
  const headlines = node('div', { class: 'headlines' });
  for (const headline of view.headlines) {
    const card = node('section', { class: 'headline', 'data-indicator': headline.indicator.id });
    card.append(node('h3', {}, name(headline.indicator)));
    if (!headline.figure) {
      card.append(node('p', { class: 'none' }, mineWords(lang).noFigure));
    } else {
      const button = node('button', { type: 'button', class: 'value headline-value' }, value(headline.figure, headline.indicator));
      button.addEventListener('click', () => onFigure(button, headline.figure));
      card.append(button, node('span', { class: 'period' }, ` ${headline.figure.period}`));
      if (headline.place) card.append(node('p', { class: 'place' }, mineWords(lang).place(headline.place.rank, headline.place.of, headline.place.tied)));
      if (headline.change) {
        const change = headline.change;
        const digits = headline.indicator.decimals;
        const sign = change.absolute > 0 ? '+' : change.absolute < 0 ? '−' : '±';
        const text = mineWords(lang).change(`${sign}${formatNumber(Math.abs(change.absolute), lang, digits)}`, change.from);
        card.append(node('p', { class: 'change' }, text));
        const note = lang === 'en' ? change.breakNoteEn : change.breakNoteVi;
        if (change.editionBreak && note) card.append(node('p', { class: 'break-note' }, note));
      }
    }
    headlines.append(card);
  }

  const indicator = view.indicator;
  const available = view.availability.indicators.find((a) => a.indicator === indicator.id);
  const title = node('h3', { class: 'ranking-title' }, `${name(indicator)} · ${view.period === 'latest' ? mineWords(lang).latest : view.period}`);
  const coverage = node('p', { class: 'coverage' }, available ? mineWords(lang).coverage(available.provinces, available.years) : '');

  const sections = [header, headlines, title, coverage, timeline(view.timeline, view.period, lang, onYear)];
  if (!available?.comparable) {
    // One province (or none, that year) has this indicator: a ranking of one says nothing.
    sections.push(node('p', { class: 'empty-state single' }, mineWords(lang).single(available?.provinces ?? 0)));
  } else {
    sections.push(ranking(view, lang, onFigure));
  }
  // The map of the same indicator and year, the province outlined: drawn into this slot once
  // its code and boundaries arrive (app/province-map.js).
  sections.push(node('div', { class: 'province-map' }));
  sections.push(seriesFigure(view, lang, (figure, indicator) => figureText(figure, indicator, lang)));
  // The engine says which warnings apply (each once: the merger is explained once, in words);
  // the page says them in the reader's language.
  if (view.warnings.length) {
    const said = [...new Set(view.warnings.map((w) => mineWords(lang).warnings[w.code] ?? w.message))];
    sections.splice(2, 0, node('ul', { class: 'warnings view-warnings' }, ...said.map((text) => node('li', {}, text))));
  }
  sections.push(reportFigures(view, indicators, lang, onFigure));
  container.replaceChildren(...sections);
}

/** A figure with its unit, qualifier and mark: `0,6274`, `≥ 247 (1/3 tỉnh cũ)`, `86,18 %*`. */
export function figureText(figure, indicator, lang) {
  if (figure.value == null) return '–';
  const t = messages(lang);
  let text = formatValue({ value: figure.value, qualifier: figure.qualifier }, indicator.unit, lang);
  // A lower bound comes with the engine's "at least" qualifier (written ≥); say how much it covers.
  if (figure.mark === 'lowerBound') text += figure.members ? ` (${mineWords(lang).lowerBound(figure.reported, figure.members)})` : '';
  else if (figure.mark === 'derived') text += '*';
  else if (figure.mark === 'partial') text += ` (${mineWords(lang).partial})`;
  return text;
}

/** Every province in the engine's order, bars to scale, the averages as reference lines. */
function ranking(view, lang, onFigure) {
  const t = messages(lang);
  const rows = view.ranking.rows;
  const values = [...rows.map((r) => r.figure.value), ...view.ranking.references.map((r) => r.value)].filter((v) => v != null);
  const max = Math.max(0, ...values);
  const scale = (v) => (max > 0 && v > 0 ? (v / max) * 100 : 0);
  const list = node('ol', { class: 'ranking', 'aria-label': mineWords(lang).rankingLabel });
  for (const row of rows) {
    const bar = node('span', { class: 'bar' });
    bar.style.width = `${scale(row.figure.value ?? 0)}%`;
    const track = node('span', { class: 'track' }, bar);
    // The averages cross every row's track, so that they read as lines down the chart.
    for (const reference of view.ranking.references) {
      if (reference.value == null) continue;
      const line = node('span', { class: `reference-line ${reference.kind}`, 'aria-hidden': 'true' });
      line.style.left = `${scale(reference.value)}%`;
      track.append(line);
    }
    const button = node('button', { type: 'button', class: 'value' }, figureText(row.figure, view.indicator, lang));
    button.addEventListener('click', () => onFigure(button, row.figure));
    const place = row.place ? `${row.place.rank}${row.place.tied ? '=' : ''}` : '';
    const item = node('li', { class: row.chosen ? 'chosen' : '', 'data-province': row.province },
      node('span', { class: 'place' }, place), node('span', { class: 'name' }, row.name), track, button);
    if (row.published) item.append(node('span', { class: 'published' }, mineWords(lang).published(figureText(row.published, view.indicator, lang))));
    list.append(item);
  }
  const references = node('ul', { class: 'references' });
  for (const reference of view.ranking.references) {
    const label = lang === 'en' ? reference.nameEn : reference.nameVi;
    const text = reference.value == null ? `${label}: ${reference.refused ?? '–'}` : `${label}: ${formatValue({ value: reference.value, qualifier: 'exact' }, view.indicator.unit, lang)}`;
    const mark = node('li', { class: `reference ${reference.kind}` }, text);
    references.append(mark);
  }
  const notes = [];
  if (view.ranking.missing) notes.push(node('p', { class: 'missing' }, mineWords(lang).missing(view.ranking.missing)));
  if (view.ranking.mixedPeriods) notes.push(node('p', { class: 'mixed' }, mineWords(lang).mixed));
  return node('figure', { class: 'ranking-figure' }, references, list, ...notes);
}

/** The province's report figures, comparable ones first (the engine's order). */
function reportFigures(view, indicators, lang, onFigure) {
  const t = messages(lang);
  const list = node('dl', { class: 'report-figures' });
  for (const item of view.report) {
    const indicator = indicators.get(item.indicator) ?? { unit: '', nameVi: item.indicator, nameEn: item.indicator };
    const button = node('button', { type: 'button', class: 'value' }, figureText(item.figure, indicator, lang));
    button.addEventListener('click', () => onFigure(button, item.figure));
    const term = `${indicatorName(indicator, lang)}${item.comparable ? ` (${mineWords(lang).provinces(item.provinces)})` : ` (${mineWords(lang).notComparable})`}`;
    list.append(node('dt', { class: item.comparable ? 'comparable' : '' }, term), node('dd', {}, button, ` ${item.figure.period}`));
  }
  return node('section', { class: 'report' }, node('h3', {}, mineWords(lang).reportTitle), list);
}
