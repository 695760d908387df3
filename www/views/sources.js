// The sources behind the figures: each report with its outlet, date and the figures taken from
// it; each published table with its publisher, credit, page and the cells its figures cite. A
// reader's own sources say so and name the reader's file. The list is drawn a page at a time,
// and one report's figures at a time, also paged, each page asked of the engine: a file with
// twenty thousand sources or a hundred thousand figures draws as fast as the bundled five.
import { formatNumber, formatPeriod, formatValue } from '../format.js';
import { indicatorName, messages } from '../i18n.js';
import { addressNode } from '../links.js';
import { PAGE_ROWS, pager, refocus } from '../pager.js';

/** Reports drawn at once. */
const SOURCES_PER_PAGE = 10;

/**
 * @typedef {{offset: number, open: string|null, figureOffset: number}} SourcesPosition
 *   where the reader is in the list; kept by the caller so that a redraw keeps it
 * @param {HTMLElement} container
 * @param {{lang: 'vi'|'en',
 *          sourcePage: (spec: {offset: number, limit: number}) => import('../../pkg/ict_compare.js').SourcePage,
 *          figurePage: (spec: {source: string, offset: number, limit: number}) => import('../../pkg/ict_compare.js').FigurePage,
 *          indicators: Map<string, any>, provinces: Map<string, any>,
 *          position: SourcesPosition}} model
 */
export function render(container, model) {
  const { lang, position } = model;
  const t = messages(lang);
  const page = model.sourcePage({ offset: position.offset, limit: SOURCES_PER_PAGE });
  if (page.sources.length === 0 && page.offset > 0) {
    // The list shrank (another file): start again from the top.
    position.offset = 0;
    render(container, model);
    return;
  }
  const intro = document.createElement('p');
  intro.textContent = t.sourcesIntro;
  const move = (offset, button) => {
    position.offset = offset;
    position.open = null;
    render(container, model);
    refocus(container, button);
  };
  const nav = pager({ total: page.total, offset: page.offset, limit: SOURCES_PER_PAGE, lang, label: t.sourcesPages, onPage: move });
  const nodes = [intro, ...(nav ? [nav] : [])];
  for (const source of page.sources) nodes.push(sourceArticle(source, model, container));
  container.replaceChildren(...nodes);
}

function sourceArticle(source, model, container) {
  const { lang, position, provinces } = model;
  const t = messages(lang);
  const user = source.origin === 'user';
  const article = document.createElement('article');
  article.className = user ? 'source user' : 'source';
  article.dataset.source = source.id;
  article.dataset.origin = source.origin;
  const title = document.createElement('h3');
  title.textContent = source.title;
  if (!user) title.lang = 'vi';
  const meta = document.createElement('p');
  meta.className = 'meta';
  if (user) {
    // Whatever it calls itself, a reader's source is the reader's file, and says so first.
    const badge = document.createElement('strong');
    badge.className = 'user-badge';
    badge.textContent = `${t.userSource}: ${source.file}`;
    meta.append(badge, ` · ${provinces.get(source.province)?.name ?? source.province}`);
  } else {
    const bits = source.table
      ? [t.tableSource, source.outlet, source.table.attribution]
      : [source.outlet, source.author, source.published ? formatPeriod(source.published) : '', provinces.get(source.province)?.name];
    meta.textContent = bits.filter(Boolean).join(' · ');
    if (source.url) meta.append(' · ', addressNode(source.url));
  }
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  const count = formatNumber(source.figures, lang);
  summary.textContent = user ? t.userSourceFigures(count) : t.sourceFigures(count);
  details.append(summary);
  const body = document.createElement('div');
  body.className = 'source-body';
  details.append(body);
  const draw = () => {
    const figures = model.figurePage({ source: source.id, offset: position.figureOffset, limit: PAGE_ROWS });
    const nav = pager({
      total: figures.total,
      offset: figures.offset,
      limit: PAGE_ROWS,
      lang,
      label: t.figuresPages(source.title),
      onPage: (offset, button) => {
        position.figureOffset = offset;
        draw();
        refocus(body, button);
      },
    });
    body.replaceChildren(figureTable(figures.observations, model), ...(nav ? [nav] : []));
  };
  if (position.open === source.id) {
    details.open = true;
    draw();
  }
  details.addEventListener('toggle', () => {
    if (!details.open) {
      if (position.open === source.id) position.open = null;
      body.replaceChildren();
      return;
    }
    // Opened by a redraw that already drew its figures: nothing more to ask.
    if (body.childElementCount) return;
    if (position.open !== source.id) {
      // One report's figures at a time: opening one closes the others.
      position.open = source.id;
      position.figureOffset = 0;
      for (const other of container.querySelectorAll('article.source details[open]')) {
        if (other !== details) other.open = false;
      }
    }
    draw();
  });
  article.append(title, meta, ...(source.table ? [copyNote(source, t)] : []), details);
  return article;
}

/** Where the stored copy of a table was taken from. */
function copyNote(source, t) {
  const note = document.createElement('p');
  note.className = 'meta copied-from';
  note.textContent = `${t.copiedFrom}: ${source.table.copiedFrom}`;
  return note;
}

function figureTable(observations, { lang, indicators }) {
  const t = messages(lang);
  const table = document.createElement('table');
  table.className = 'source-figures';
  const body = table.createTBody();
  for (const o of observations) {
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
    quote.textContent = o.cell ? `${o.cell.row} · ${o.cell.column}: ${o.cell.text}` : o.quote ? `“${o.quote}”` : '';
  }
  return table;
}
