// The sources behind the figures: each report with its outlet, date and the figures taken from
// it; each published table with its publisher, credit, page and the cells its figures cite.
import { formatPeriod, formatValue } from '../format.js';
import { indicatorName, messages } from '../i18n.js';
import { publisherLink } from '../provenance.js';

/**
 * @param {HTMLElement} container
 * @param {{list: import('../../pkg/ict_compare.js').ObservationList, lang: 'vi'|'en'}} model
 */
export function render(container, { list, lang }) {
  const t = messages(lang);
  const indicators = new Map(list.indicators.map((i) => [i.id, i]));
  const provinces = new Map(list.provinces.map((p) => [p.id, p]));
  const intro = document.createElement('p');
  intro.textContent = t.sourcesIntro;
  const nodes = [intro];
  for (const source of list.sources) {
    const figures = list.observations.filter((o) => o.source === source.id);
    const article = document.createElement('article');
    article.className = 'source';
    article.dataset.source = source.id;
    const title = document.createElement('h3');
    title.lang = 'vi';
    title.textContent = source.title;
    const meta = document.createElement('p');
    meta.className = 'meta';
    const bits = source.table
      ? [t.tableSource, source.outlet, source.table.attribution]
      : [source.outlet, source.author, source.published ? formatPeriod(source.published) : '', provinces.get(source.province)?.name];
    meta.textContent = bits.filter(Boolean).join(' · ');
    const link = publisherLink(source.url, source.url);
    if (link) meta.append(' · ', link);
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = t.sourceFigures(figures.length);
    const table = document.createElement('table');
    table.className = 'source-figures';
    const body = table.createTBody();
    for (const o of figures) {
      const indicator = indicators.get(o.indicator);
      const row = body.insertRow();
      row.insertCell().textContent = indicator ? indicatorName(indicator, lang) : o.indicator;
      const value = row.insertCell();
      value.className = 'number';
      value.textContent = formatValue(o, indicator?.unit, lang);
      row.insertCell().textContent = formatPeriod(o.period) + (o.isTarget ? ` (${t.target})` : '');
      const quote = row.insertCell();
      quote.lang = 'vi';
      quote.className = 'quote-text';
      quote.textContent = o.cell ? `${o.cell.row} · ${o.cell.column}: ${o.cell.text}` : `“${o.quote}”`;
    }
    details.append(summary, table);
    article.append(title, meta, ...(source.table ? [copyNote(source, t)] : []), details);
    nodes.push(article);
  }
  container.replaceChildren(...nodes);
}

/** Where the stored copy of a table was taken from. */
function copyNote(source, t) {
  const note = document.createElement('p');
  note.className = 'meta copied-from';
  note.textContent = `${t.copiedFrom}: ${source.table.copiedFrom}`;
  return note;
}
