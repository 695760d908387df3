// What surrounds the answer: the lede's counts, the notice, the options (list, period,
// per capita), the toolbar and the sources line, redrawn with each view.
// Each function takes the App (www/app.js) whose frame it draws; `renderChrome` draws them all.
import { formatNumber, formatPeriod } from '../format.js';
import { messages } from '../i18n.js';
import { share } from '../share.js';
import { offer } from '../download.js';
import { cancelOpening, textsReady, viewsReady } from './popovers.js';
import { clearUserFile, openUserFile } from '../user-file.js';
import { BASE } from '../base.js';
import { downloadCsv } from './tabs.js';

/**
 * Everything around the panel, in the state's language: the title and lede, the language
 * button, the notice, the pickers, the options, the tabs' names, the toolbar and the footer.
 * Any popover open is closed: its words and its number may no longer be the view's.
 * @param {import('../app.js').App} app
 */
export function renderChrome(app) {
  const { lang } = app.state;
  const t = messages(lang);
  app.host.setAttribute('data-lang', lang);
  app.frame.lang = lang;
  app.titleEl.textContent = t.title;
  const list = coverageSummary(app);
  const user = app.userFigures ? ` ${t.userSummary(formatNumber(app.userFigures.figures, lang), app.userFile)}` : '';
  const tables = list.tables.sources ? t.summaryTables(list.tables.figures, list.tables.sources) : '';
  app.ledeEl.textContent = `${t.lede} ${t.summary(list.reports.figures, list.reports.sources)}${tables}.${user}`;
  app.langButton.textContent = t.language;
  app.langButton.lang = lang === 'vi' ? 'en' : 'vi';
  app.langButton.setAttribute('aria-label', t.languageLabel);
  app.popover.setLang(lang);
  cancelOpening(app);
  app.popover.hide();
  renderNotice(app);
  app.provincePicker.update({ selected: app.state.provinces, scheme: app.state.scheme, lang, availability: app.availability() });
  app.indicatorPicker.update({ selected: app.state.indicators, lang, availability: app.availability() });
  app.controlsToggle.textContent = t.showControls(app.state.provinces.length, app.state.indicators.length);
  renderOptions(app);
  app.tablist.setAttribute('aria-label', t.views);
  for (const [tab, button] of app.tabButtons) {
    button.textContent = t.tabs[tab];
    const selected = tab === app.state.tab;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
  }
  app.panel.setAttribute('aria-labelledby', `tab-${app.state.tab}`);
  renderToolbar(app);
  renderFooter(app);
}

/**
 * The bundled figures and reports (a reader's file is counted apart, in the notice).
 * @param {import('../app.js').App} app
 */
function coverageSummary(app) {
  const count = (tables) => {
    let figures = 0;
    let sources = 0;
    for (const s of app.catalog.sources) {
      if (s.origin !== 'bundled' || Boolean(s.table) !== tables) continue;
      figures += s.figures;
      sources += 1;
    }
    return { figures, sources };
  };
  return { reports: count(false), tables: count(true) };
}

/** @param {import('../app.js').App} app */
export function renderNotice(app) {
  const t = messages(app.state.lang);
  const parts = [];
  if (app.problems.length) {
    // One notice, however many problems: the first few, then how many more.
    const shown = app.problems.slice(0, 4).map((p) => {
      const say = t.problems[p.key];
      return typeof say === 'function' ? say(String(p.name ?? '').slice(0, 60)) : say;
    });
    if (app.problems.length > shown.length) shown.push(t.moreProblems(app.problems.length - shown.length));
    parts.push(`${t.urlProblem}: ${shown.join('; ')}.`);
  }
  if (app.userMessage) parts.push(app.userMessage);
  app.notice.textContent = parts.join(' ');
  app.notice.hidden = parts.length === 0;
  app.notice.classList.toggle('error', Boolean(app.problems.length || app.userError));
}

/** @param {import('../app.js').App} app */
export function renderOptions(app) {
  const t = messages(app.state.lang);
  const scheme = document.createElement('label');
  scheme.textContent = `${t.scheme} `;
  const schemeSelect = document.createElement('select');
  schemeSelect.name = 'scheme';
  for (const [value, text] of [['p63', t.scheme63], ['p34', t.scheme34]]) {
    const option = new Option(text, value, false, value === app.state.scheme);
    schemeSelect.append(option);
  }
  schemeSelect.addEventListener('change', () => {
    const target = schemeSelect.value;
    app.update({ scheme: target, provinces: app.toScheme(app.state.provinces, target), province: null });
  });
  scheme.append(schemeSelect);

  const period = document.createElement('label');
  period.textContent = `${t.period} `;
  const periodSelect = document.createElement('select');
  periodSelect.name = 'period';
  // The engine's years, newest first, with a figure of a chosen indicator.
  const chosen = new Set(app.state.indicators);
  const years = app.catalog.periods.filter((p) => p.indicators.some((id) => chosen.has(id))).map((p) => String(p.year));
  // A year with no figure (from a link) is still the year shown, first: the table says it is empty.
  if (app.state.period !== 'latest' && !years.includes(app.state.period)) years.unshift(app.state.period);
  periodSelect.append(new Option(t.latest, 'latest', false, app.state.period === 'latest'));
  for (const year of years) periodSelect.append(new Option(year, year, false, app.state.period === year));
  periodSelect.addEventListener('change', () => app.update({ period: periodSelect.value }));
  period.append(periodSelect);

  // Offered only where the engine says per capita means something for what is drawn; the
  // reader's choice is kept for when it does.
  const applies = app.perCapitaApplies(drawnIndicators(app));
  const perCapita = document.createElement('label');
  perCapita.className = applies ? 'per-capita' : 'per-capita disabled';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = 'perCapita';
  box.checked = app.state.perCapita && applies;
  box.disabled = !applies;
  box.addEventListener('change', () => app.update({ perCapita: box.checked }));
  perCapita.append(box, ` ${t.perCapita}`);
  if (!applies) {
    const why = document.createElement('small');
    why.className = 'why';
    why.id = 'per-capita-why';
    why.textContent = ` ${t.perCapitaOnlyCounts}`;
    box.setAttribute('aria-describedby', why.id);
    perCapita.append(why);
  }
  app.options.replaceChildren(scheme, period, perCapita);
}

/** The indicators the tab on screen draws: the chosen ones, or the one in focus. */
function drawnIndicators(app) {
  if (app.state.tab === 'chart' || app.state.tab === 'map') return [app.graphicsFocus];
  if (app.state.tab === 'province') return [app.state.focus ?? app.provinceFocus];
  return app.state.indicators;
}

/** @param {import('../app.js').App} app */
function renderToolbar(app) {
  const t = messages(app.state.lang);
  const button = (text, action, name) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.dataset.action = name;
    b.addEventListener('click', action);
    return b;
  };
  const items = [];
  if (app.state.tab === 'table') items.push(button(t.downloadCsv, (event) => downloadCsv(app, /** @type {HTMLElement} */ (event.currentTarget)), 'csv'));
  // The chart's and the map's image downloads go here once there is an image (graphics.js).
  app.imageDownloads = document.createElement('span');
  app.imageDownloads.className = 'image-downloads';
  if (app.state.tab === 'chart' || app.state.tab === 'map') items.push(app.imageDownloads);
  // Every figure of the dataset (a reader's file included) with its provenance, written by the
  // engine in the form Excel opens in a Vietnamese locale (README, "Downloads").
  const all = async (/** @type {Event} */ event) => {
    const anchor = /** @type {HTMLElement} */ (event.currentTarget);
    if (!(await textsReady(app, anchor)) || !(await viewsReady(app, anchor))) return;
    offer(new Blob([app.views().exportCsv()], { type: 'text/csv;charset=utf-8' }), 'ict-compare-all-data.csv', app.frame);
  };
  items.push(button(t.downloadAll, all, 'csv-all'));
  items.push(button(t.share, () => share(app, BASE), 'share'));
  // The embed dialog's code loads when it is first opened.
  items.push(button(t.embed, async () => (await import('../embed.js')).showEmbed(app, BASE), 'embed'));
  const open = document.createElement('label');
  open.className = 'open-file';
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.csv,text/csv';
  input.addEventListener('change', () => input.files?.[0] && openUserFile(app, input.files[0]));
  // With a file open, the label says that another one replaces it.
  open.append(input, ` ${app.userFile ? t.openAnotherCsv(app.userFile) : t.openCsv}`);
  const hint = document.createElement('small');
  hint.textContent = ` ${t.dropHint}`;
  items.push(open, hint);
  if (app.userFile) items.push(button(t.clearUser, () => clearUserFile(app), 'clear-user'));
  // The engine writes the template from the file format it reads: a header and an example row.
  items.push(button(t.userTemplate, () => offer(new Blob([app.Dataset.userFileTemplate()], { type: 'text/csv;charset=utf-8' }), 'ict-compare-template.csv', app.frame), 'template'));
  app.shareStatus = document.createElement('span');
  app.shareStatus.className = 'share-status';
  app.shareStatus.setAttribute('role', 'status');
  items.push(app.shareStatus);
  app.toolbar.replaceChildren(...items);
}

/** @param {import('../app.js').App} app */
function renderFooter(app) {
  const t = messages(app.state.lang);
  const bundled = app.catalog.sources.filter((s) => s.origin === 'bundled');
  const reports = bundled.filter((s) => !s.table && s.published);
  const credits = [...new Set(bundled.filter((s) => s.table).map((s) => s.table.attribution))];
  const items = [...reports.map((s) => `${s.outlet} (${formatPeriod(s.published)})`), ...credits];
  app.footer.textContent = `${t.source}: ${items.join('; ')}.`;
}
