// The table, profile, sources and Add a report tabs, and the table's CSV: each asks the engine and
// hands the answer to its view (the table: its cells, and the reader's figures beside published ones).
// Each function takes the App (www/app.js) whose frame it draws.
import { offer } from '../download.js';
import { BASE } from '../base.js';
import { indicatorName, messages } from '../i18n.js';
import { refocus } from '../pager.js';
import { useReportFigures } from '../user-file.js';
import { render as renderTable } from '../views/table.js';
import { conflictNotice } from '../views/conflicts.js';
import { textsReady, viewsReady } from './popovers.js';

export function renderTableTab(app) {
  const spec = app.compareSpec();
  // Columns of numbers and codes: a number's quotes are asked for by its address when it is opened.
  app.matrix = app.dataset.compareDense(spec);
  const conflicts = app.dataset.conflicts(spec);
  const lang = app.state.lang;
  const notices = [conflictNotice(conflicts, { indicators: app.indicators, sources: app.sources, lang }), singleNote(app)].filter(Boolean);
  const container = document.createElement('div');
  const draw = () => renderTable(container, {
    matrix: app.matrix,
    notices,
    conflicts,
    catalog: app.catalog,
    lang: app.state.lang,
    onValue: app.onValue,
    offset: app.positions.table,
    onPage: (offset, button) => {
      app.positions.table = offset;
      draw();
      refocus(container, button);
    },
    empty: emptyNote(app),
  });
  draw();
  app.panel.replaceChildren(container);
}

/** The chosen indicators the engine says have too few provinces to compare (one, in practice). */
function singleNote(app) {
  const comparable = new Map(app.availability().indicators.map((a) => [a.indicator, a.comparable]));
  const single = app.state.indicators.filter((id) => comparable.get(id) === false);
  if (!single.length) return null;
  const note = document.createElement('p');
  note.className = 'single-province';
  note.setAttribute('role', 'note');
  note.textContent = messages(app.state.lang).singleProvince(single.map((id) => indicatorName(app.indicators.get(id), app.state.lang)).join('; '));
  return note;
}

/** What the table says when the chosen provinces and indicators have no figure at all. */
export function emptyNote(app) {
  const t = messages(app.state.lang);
  const note = document.createElement('div');
  note.className = 'empty-state';
  note.setAttribute('role', 'status');
  const text = document.createElement('p');
  if (!app.state.provinces.length || !app.state.indicators.length) {
    text.textContent = t.chooseSomething;
    note.append(text);
    return note;
  }
  if (app.state.period === 'latest') {
    text.textContent = t.noFigureAtAll;
    note.append(text);
    return note;
  }
  // The engine's years with a figure, newest first, kept where a chosen indicator has one.
  const years = app.catalog.periods.filter((p) => p.indicators.some((id) => app.state.indicators.includes(id))).map((p) => p.year);
  text.textContent = t.noFigureFor(app.state.period, years.join(', '));
  const latest = document.createElement('button');
  latest.type = 'button';
  latest.dataset.action = 'latest';
  latest.textContent = t.showLatest;
  latest.addEventListener('click', () => app.update({ period: 'latest' }));
  note.append(text, latest);
  return note;
}

/**
 * The profile's view loads on demand, as the sources' does: the first view needs neither.
 * @param {import('../app.js').App} app
 */
export async function renderProfileTab(app) {
  const { render: renderProfile } = await import('../views/profile.js');
  const choices = [];
  const seen = new Set();
  const add = (id) => {
    if (!id || seen.has(id) || !app.provinces.has(id)) return;
    seen.add(id);
    choices.push({ id, name: app.provinces.get(id).name });
  };
  for (const id of app.state.provinces) add(id);
  add(app.state.province);
  for (const p of app.catalog.provinces) if (p.id.startsWith(app.state.scheme)) add(p.id);
  const province = app.state.province ?? choices[0]?.id;
  const profile = app.views().profile(province);
  const container = document.createElement('div');
  const draw = () => renderProfile(container, {
    profile,
    catalog: app.catalog,
    lang: app.state.lang,
    choices,
    onProvince: (id) => app.update({ province: id }),
    onValue: app.onValue,
    offset: app.positions.profile,
    onPage: (offset, button) => {
      app.positions.profile = offset;
      draw();
      refocus(container, button);
    },
  });
  draw();
  app.panel.replaceChildren(container);
}

/** @param {import('../app.js').App} app */
export async function renderSourcesTab(app) {
  const { render: renderSources } = await import('../views/sources.js');
  const container = document.createElement('div');
  renderSources(container, {
    lang: app.state.lang,
    sourcePage: (spec) => app.views().sourcePage(spec),
    figurePage: (spec) => app.views().figurePage(spec),
    indicators: app.indicators,
    provinces: app.provinces,
    position: app.positions.sources,
  });
  app.panel.replaceChildren(container);
}

/** "Add a report": its code and its engine load when the tab opens; its work outlives redraws. */
export async function renderAddTab(app) {
  const token = (app.renderToken = Symbol('add'));
  const [{ render }] = await Promise.all([import('../views/add-report.js'), viewStyles(app, 'add-report.css')]);
  if (token !== app.renderToken) return;
  const container = document.createElement('div');
  container.className = 'add-report';
  app.addSession ??= {};
  try {
    await render(container, {
      lang: app.state.lang, catalog: app.catalog, session: app.addSession,
      onAccepted: (csv, name) => useReportFigures(app, csv, name),
      onShowTable: () => app.update({ tab: 'table' }),
    });
  } catch (error) {
    // Said here: this tab's token replaced the panel's, whose guard would drop it.
    if (token === app.renderToken) app.showPanelError(error);
    return;
  }
  if (token !== app.renderToken) return;
  app.panel.replaceChildren(container);
}

/**
 * A view's own stylesheet, added to the element's shadow root when the view first opens (the
 * first view's styles do not carry it); resolves once it applies, or could not load.
 */
function viewStyles(app, file) {
  app.viewStyles ??= new Map();
  if (!app.viewStyles.has(file)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(file, BASE).href;
    app.viewStyles.set(file, new Promise((resolve) => {
      link.addEventListener('load', resolve);
      link.addEventListener('error', resolve);
    }));
    app.root.append(link);
  }
  return app.viewStyles.get(file);
}

// ---- actions ------------------------------------------------------------------------------

/**
 * The table as the engine writes it: for Excel in a Vietnamese locale, with provenance (README).
 * @param {import('../app.js').App} app
 * @param {HTMLElement} anchor the button pressed
 */
export async function downloadCsv(app, anchor) {
  if (!(await textsReady(app, anchor)) || !(await viewsReady(app, anchor))) return;
  offer(new Blob([app.views().tableCsv(app.compareSpec())], { type: 'text/csv;charset=utf-8' }), 'ict-compare-table.csv', app.frame);
}
