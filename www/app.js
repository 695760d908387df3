// The application behind <ict-compare>: holds the view state, asks the engine one question per
// user action, and hands the answers to the views. It computes nothing the engine computes.
import { loadEngine } from './engine.js';
import { csvText, offer } from './download.js';
import { formatNumber, formatPeriod, formatValue, useUnits } from './format.js';
import { indicatorName, messages } from './i18n.js';
import { IndicatorPicker, ProvincePicker } from './pickers.js';
import { refocus } from './pager.js';
import { ProvenancePopover, provenanceContent } from './provenance.js';
import { share, showEmbed } from './share.js';
import { emptyState, parseState, serializeState, TABS } from './state.js';
import { clearUserFile, openUserFile, useReportFigures } from './user-file.js';
import { render as renderTable, unitLabel, warningList } from './views/table.js';
import { render as renderProfile } from './views/profile.js';
import { render as renderSources } from './views/sources.js';

export { USER_FILE_LIMIT_MB } from './user-file.js';
const BASE = new URL('.', import.meta.url);

export class App {
  /** @param {ShadowRoot} root @param {HTMLElement} host */
  constructor(root, host) {
    this.root = root;
    this.host = host;
    this.syncUrl = host.hasAttribute('sync-url');
    this.state = emptyState();
    this.problems = [];
    this.userFile = null;
    this.userFigures = null;
    this.resetPositions();
  }

  /** Back to the first page of every list (a new file, another selection). */
  resetPositions() {
    this.positions = { table: 0, profile: 0, sources: { offset: 0, open: null, figureOffset: 0 } };
  }

  async start() {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('styles.css', BASE).href;
    this.frame = document.createElement('div');
    this.frame.className = 'ict-compare';
    this.status = document.createElement('p');
    this.status.className = 'status';
    this.status.textContent = messages(this.initialLang()).loading;
    this.frame.append(this.status);
    this.root.replaceChildren(style, this.frame);
    try {
      const engine = await loadEngine();
      this.Dataset = engine.Dataset;
      this.bundled = engine.bundled;
      this.dataset = engine.bundled;
      this.setCatalog(engine.catalog);
      this.state = this.initialState();
      this.build();
      this.render();
      this.host.dataset.ready = 'true';
      if (this.syncUrl) document.documentElement.dataset.ready = 'true';
      window.addEventListener('popstate', () => {
        if (!this.syncUrl) return;
        this.state = this.initialState();
        this.render();
      });
    } catch (error) {
      this.status.className = 'status error';
      this.status.setAttribute('role', 'alert');
      this.status.textContent = `${messages(this.initialLang()).loadFailed}: ${error.message}`;
      this.host.dataset.ready = 'error';
      if (this.syncUrl) document.documentElement.dataset.ready = 'error';
      throw error;
    }
  }

  initialLang() {
    const lang = this.syncUrl ? new URLSearchParams(location.search).get('lang') : this.host.getAttribute('lang');
    return lang === 'en' ? 'en' : 'vi';
  }

  setCatalog(catalog) {
    this.catalog = catalog;
    useUnits(catalog.units);
    this.provinces = new Map(catalog.provinces.map((p) => [p.id, p]));
    this.indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
    this.sources = new Map(catalog.sources.map((s) => [s.id, s]));
    this.coverage = new Map(catalog.coverage.map((c) => [c.indicator, c]));
    // A reader's file changes what the pickers count.
    if (this.provincePicker) this.provincePicker.catalog = catalog;
    if (this.indicatorPicker) {
      this.indicatorPicker.catalog = catalog;
      this.indicatorPicker.coverage = this.coverage;
    }
  }

  /** What the page shows with no state: the reported provinces on the indicators they share. */
  defaults() {
    // The provinces of the reports, most figures first, on the indicators at least two of them
    // share (the national indices cover them all).
    const reported = new Map();
    for (const s of this.catalog.sources) {
      if (s.origin === 'bundled' && !s.table && s.province) reported.set(s.province, (reported.get(s.province) ?? 0) + s.figures);
    }
    const provinces = [...reported.keys()].filter((p) => p.startsWith('p63:')).sort((a, b) => reported.get(b) - reported.get(a));
    let indicators = this.catalog.coverage.filter((c) => c.provinces.filter((p) => reported.has(p)).length >= 2).map((c) => c.indicator);
    if (!indicators.length) indicators = this.catalog.coverage.filter((c) => c.observations > 0).slice(0, 8).map((c) => c.indicator);
    return { ...emptyState(), provinces, indicators };
  }

  /**
   * Defaults, then the element's attributes, then (with sync-url) the address. Each of the
   * two is applied whole or not at all: one bad part (a malformed or unknown id, a repeated
   * parameter, too long) sets none of it, and the notice says what was wrong.
   */
  initialState() {
    const attributes = {};
    for (const name of ['provinces', 'indicators', 'lang', 'tab', 'period', 'scheme', 'focus', 'province']) {
      if (this.host.hasAttribute(name)) attributes[name] = this.host.getAttribute(name);
    }
    if (this.host.hasAttribute('per-capita')) attributes.perCapita = '1';
    this.problems = [];
    let state = this.defaults();
    const layers = [parseState(attributes)];
    if (this.syncUrl) layers.push(parseState(new URLSearchParams(location.search)));
    for (const layer of layers) {
      const problems = [...layer.problems, ...this.unknownIds(layer.state)];
      if (problems.length) this.problems.push(...problems);
      else state = { ...state, ...layer.state };
    }
    return this.checked(state);
  }

  /** Ids of a parsed view that the catalog does not know. */
  unknownIds(state) {
    return [
      ...(state.provinces ?? []).filter((p) => !this.provinces.has(p)).map((name) => ({ key: 'unknownProvince', name })),
      ...[state.province].filter((p) => p && !this.provinces.has(p)).map((name) => ({ key: 'unknownProvince', name })),
      ...[...(state.indicators ?? []), state.focus].filter((i) => i && !this.indicators.has(i)).map((name) => ({ key: 'unknownIndicator', name })),
    ];
  }

  /** The view's provinces in its scheme, and only ids the catalog knows. */
  checked(state) {
    return {
      ...state,
      provinces: this.toScheme(state.provinces, state.scheme),
      indicators: state.indicators.filter((i) => this.indicators.has(i)),
      focus: state.focus && this.indicators.has(state.focus) ? state.focus : null,
      province: state.province && this.provinces.has(state.province) ? state.province : null,
    };
  }

  applyAttributes() {
    if (!this.catalog || this.syncUrl) return;
    this.state = this.initialState();
    this.render();
  }

  /** Provinces mapped into a scheme: 63-list ones into their 2025 province, and back. */
  toScheme(ids, scheme) {
    const out = [];
    for (const id of ids) {
      const province = this.provinces.get(id);
      if (!province) continue;
      const mapped = id.startsWith(scheme) ? [id] : scheme === 'p34' ? [province.mergedInto] : province.mergedFrom;
      for (const m of mapped) if (m && !out.includes(m)) out.push(m);
    }
    return out;
  }

  update(patch) {
    this.state = { ...this.state, ...patch };
    this.problems = [];
    this.positions.table = 0;
    this.positions.profile = 0;
    if (this.syncUrl) {
      const query = serializeState(this.state);
      history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    }
    this.render();
  }

  // ---- the shell, built once ---------------------------------------------------------------

  build() {
    const header = document.createElement('header');
    header.className = 'masthead';
    this.titleEl = document.createElement('h2');
    this.titleEl.className = 'title';
    this.ledeEl = document.createElement('p');
    this.ledeEl.className = 'lede';
    this.langButton = document.createElement('button');
    this.langButton.type = 'button';
    this.langButton.className = 'lang';
    this.langButton.addEventListener('click', () => this.update({ lang: this.state.lang === 'vi' ? 'en' : 'vi' }));
    header.append(this.titleEl, this.langButton, this.ledeEl);

    this.notice = document.createElement('p');
    this.notice.className = 'notice';
    this.notice.setAttribute('role', 'alert');
    this.notice.hidden = true;

    const controls = document.createElement('div');
    controls.className = 'controls';
    this.provincePicker = new ProvincePicker({
      catalog: this.catalog,
      onAdd: (id) => this.update({ provinces: [...this.state.provinces, id] }),
      onRemove: (id) => this.update({ provinces: this.state.provinces.filter((p) => p !== id) }),
    });
    this.indicatorPicker = new IndicatorPicker({
      catalog: this.catalog,
      onChange: (ids) => this.update({ indicators: ids }),
      onDefinition: (anchor, indicator) => this.showDefinition(anchor, indicator),
    });
    this.options = document.createElement('div');
    this.options.className = 'options';
    controls.append(this.provincePicker.element, this.indicatorPicker.element, this.options);

    this.tablist = document.createElement('div');
    this.tablist.className = 'tabs';
    this.tablist.setAttribute('role', 'tablist');
    this.tabButtons = new Map();
    for (const tab of TABS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.id = `tab-${tab}`;
      button.dataset.tab = tab;
      button.setAttribute('aria-controls', 'panel');
      button.addEventListener('click', () => this.update({ tab }));
      button.addEventListener('keydown', (event) => this.tabKey(event, tab));
      this.tabButtons.set(tab, button);
      this.tablist.append(button);
    }
    this.panel = document.createElement('section');
    this.panel.className = 'panel';
    this.panel.id = 'panel';
    this.panel.setAttribute('role', 'tabpanel');
    this.panel.addEventListener('dragover', (event) => {
      event.preventDefault();
      this.panel.classList.add('dropping');
    });
    this.panel.addEventListener('dragleave', () => this.panel.classList.remove('dropping'));
    this.panel.addEventListener('drop', (event) => {
      event.preventDefault();
      this.panel.classList.remove('dropping');
      const file = event.dataTransfer?.files?.[0];
      if (file) openUserFile(this, file);
    });

    this.toolbar = document.createElement('div');
    this.toolbar.className = 'toolbar';
    this.footer = document.createElement('footer');
    this.footer.className = 'footer';
    this.popover = new ProvenancePopover(this.root, this.state.lang);
    this.embedDialog = document.createElement('dialog');
    this.embedDialog.className = 'embed-dialog';
    this.frame.replaceChildren(header, this.notice, controls, this.tablist, this.panel, this.toolbar, this.footer, this.embedDialog);
    this.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.popover.hide(true);
    });
    this.root.addEventListener('click', (event) => {
      const path = event.composedPath();
      if (!path.includes(this.popover.panel) && !path.some((n) => n.classList?.contains('value') || n.classList?.contains('info'))) {
        this.popover.hide();
      }
    });
  }

  tabKey(event, tab) {
    const index = TABS.indexOf(tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = TABS[(next + TABS.length) % TABS.length];
    this.update({ tab: target });
    this.tabButtons.get(target).focus();
  }

  // ---- rendering ----------------------------------------------------------------------------

  render() {
    const { lang } = this.state;
    const t = messages(lang);
    this.host.setAttribute('data-lang', lang);
    this.frame.lang = lang;
    this.titleEl.textContent = t.title;
    const list = this.coverageSummary();
    const user = this.userFigures ? ` ${t.userSummary(formatNumber(this.userFigures.figures, lang), this.userFile)}` : '';
    const tables = list.tables.sources ? t.summaryTables(list.tables.figures, list.tables.sources) : '';
    this.ledeEl.textContent = `${t.lede} ${t.summary(list.reports.figures, list.reports.sources)}${tables}.${user}`;
    this.langButton.textContent = t.language;
    this.langButton.lang = lang === 'vi' ? 'en' : 'vi';
    this.langButton.setAttribute('aria-label', t.languageLabel);
    this.popover.setLang(lang);
    this.popover.hide();
    this.renderNotice();
    this.provincePicker.update({ selected: this.state.provinces, scheme: this.state.scheme, lang });
    this.indicatorPicker.update({ selected: this.state.indicators, lang });
    this.renderOptions();
    this.tablist.setAttribute('aria-label', t.views);
    for (const [tab, button] of this.tabButtons) {
      button.textContent = t.tabs[tab];
      const selected = tab === this.state.tab;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
    }
    this.panel.setAttribute('aria-labelledby', `tab-${this.state.tab}`);
    this.renderToolbar();
    this.renderFooter();
    this.renderPanel();
  }

  /** The bundled figures and reports (a reader's file is counted apart, in the notice). */
  coverageSummary() {
    const count = (tables) => {
      let figures = 0;
      let sources = 0;
      for (const s of this.catalog.sources) {
        if (s.origin !== 'bundled' || Boolean(s.table) !== tables) continue;
        figures += s.figures;
        sources += 1;
      }
      return { figures, sources };
    };
    return { reports: count(false), tables: count(true) };
  }

  renderNotice() {
    const t = messages(this.state.lang);
    const parts = [];
    if (this.problems.length) {
      // One notice, however many problems: the first few, then how many more.
      const shown = this.problems.slice(0, 4).map((p) => {
        const say = t.problems[p.key];
        return typeof say === 'function' ? say(String(p.name ?? '').slice(0, 60)) : say;
      });
      if (this.problems.length > shown.length) shown.push(t.moreProblems(this.problems.length - shown.length));
      parts.push(`${t.urlProblem}: ${shown.join('; ')}.`);
    }
    if (this.userMessage) parts.push(this.userMessage);
    this.notice.textContent = parts.join(' ');
    this.notice.hidden = parts.length === 0;
    this.notice.classList.toggle('error', Boolean(this.problems.length || this.userError));
  }

  renderOptions() {
    const t = messages(this.state.lang);
    const scheme = document.createElement('label');
    scheme.textContent = `${t.scheme} `;
    const schemeSelect = document.createElement('select');
    schemeSelect.name = 'scheme';
    for (const [value, text] of [['p63', t.scheme63], ['p34', t.scheme34]]) {
      const option = new Option(text, value, false, value === this.state.scheme);
      schemeSelect.append(option);
    }
    schemeSelect.addEventListener('change', () => {
      const target = schemeSelect.value;
      this.update({ scheme: target, provinces: this.toScheme(this.state.provinces, target), province: null });
    });
    scheme.append(schemeSelect);

    const period = document.createElement('label');
    period.textContent = `${t.period} `;
    const periodSelect = document.createElement('select');
    periodSelect.name = 'period';
    const years = new Set();
    for (const id of this.state.indicators) for (const p of this.coverage.get(id)?.periods ?? []) years.add(p.slice(0, 4));
    // A year with no figure (from a link) is still the year shown: the table says it is empty.
    if (this.state.period !== 'latest') years.add(this.state.period);
    periodSelect.append(new Option(t.latest, 'latest', false, this.state.period === 'latest'));
    for (const year of [...years].sort().reverse()) periodSelect.append(new Option(year, year, false, this.state.period === year));
    periodSelect.addEventListener('change', () => this.update({ period: periodSelect.value }));
    period.append(periodSelect);

    const perCapita = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'perCapita';
    box.checked = this.state.perCapita;
    box.addEventListener('change', () => this.update({ perCapita: box.checked }));
    perCapita.append(box, ` ${t.perCapita}`);
    this.options.replaceChildren(scheme, period, perCapita);
  }

  renderToolbar() {
    const t = messages(this.state.lang);
    const button = (text, action, name) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = text;
      b.dataset.action = name;
      b.addEventListener('click', action);
      return b;
    };
    const items = [];
    if (this.state.tab === 'table') items.push(button(t.downloadCsv, () => this.downloadCsv(), 'csv'));
    if (this.state.tab === 'chart' || this.state.tab === 'map') {
      items.push(button(t.downloadSvg, () => this.downloadImage('svg'), 'svg'));
      items.push(button(t.downloadPng, () => this.downloadImage('png'), 'png'));
    }
    items.push(button(t.share, () => share(this, BASE), 'share'));
    items.push(button(t.embed, () => showEmbed(this, BASE), 'embed'));
    const open = document.createElement('label');
    open.className = 'open-file';
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,text/csv';
    input.addEventListener('change', () => input.files?.[0] && openUserFile(this, input.files[0]));
    // With a file open, the label says that another one replaces it.
    open.append(input, ` ${this.userFile ? t.openAnotherCsv(this.userFile) : t.openCsv}`);
    const hint = document.createElement('small');
    hint.textContent = ` ${t.dropHint}`;
    items.push(open, hint);
    if (this.userFile) items.push(button(t.clearUser, () => clearUserFile(this), 'clear-user'));
    this.shareStatus = document.createElement('span');
    this.shareStatus.className = 'share-status';
    this.shareStatus.setAttribute('role', 'status');
    items.push(this.shareStatus);
    this.toolbar.replaceChildren(...items);
  }

  renderFooter() {
    const t = messages(this.state.lang);
    const bundled = this.catalog.sources.filter((s) => s.origin === 'bundled');
    const reports = bundled.filter((s) => !s.table && s.published);
    const credits = [...new Set(bundled.filter((s) => s.table).map((s) => s.table.attribution))];
    const items = [...reports.map((s) => `${s.outlet} (${formatPeriod(s.published)})`), ...credits];
    this.footer.textContent = `${t.source}: ${items.join('; ')}.`;
  }

  renderPanel() {
    const tab = this.state.tab;
    this.currentImage = null;
    try {
      let pending = null;
      if (tab === 'table') this.renderTableTab();
      else if (tab === 'chart') pending = this.renderChartTab();
      else if (tab === 'map') pending = this.renderMapTab();
      else if (tab === 'profile') this.renderProfileTab();
      else if (tab === 'add') pending = this.renderAddTab();
      else this.renderSourcesTab();
      // The chart and the map load their code (and the map its boundaries) on demand.
      pending?.catch((error) => this.showPanelError(error));
    } catch (error) {
      this.showPanelError(error);
    }
  }

  showPanelError(error) {
    const p = document.createElement('p');
    p.className = 'status error';
    p.setAttribute('role', 'alert');
    p.textContent = error.message;
    this.panel.replaceChildren(p);
  }

  compareSpec() {
    return {
      provinces: this.state.provinces,
      indicators: this.state.indicators,
      period: this.state.period === 'latest' ? 'latest' : Number(this.state.period),
      perCapita: this.state.perCapita,
      scheme: this.state.scheme,
    };
  }

  onValue = (anchor, figure, { focus = false, hover = false } = {}) => {
    if (hover && !this.popover.panel.hidden && this.popover.anchor !== anchor) return;
    const content = provenanceContent(figure, { sources: this.sources, provinces: this.provinces, lang: this.state.lang });
    this.popover.show(anchor, content, { focus });
  };

  showDefinition(anchor, indicator) {
    const lang = this.state.lang;
    const box = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = indicatorName(indicator, lang);
    const text = document.createElement('p');
    text.textContent = lang === 'en' ? indicator.definitionEn : indicator.definitionVi;
    box.append(name, text);
    this.popover.show(anchor, box, { focus: true });
  }

  renderTableTab() {
    this.matrix = this.dataset.compare(this.compareSpec());
    const container = document.createElement('div');
    const draw = () => renderTable(container, {
      matrix: this.matrix,
      catalog: this.catalog,
      lang: this.state.lang,
      onValue: this.onValue,
      offset: this.positions.table,
      onPage: (offset, button) => {
        this.positions.table = offset;
        draw();
        refocus(container, button);
      },
      empty: this.emptyNote(),
    });
    draw();
    this.panel.replaceChildren(container);
  }

  /** What the table says when the chosen provinces and indicators have no figure at all. */
  emptyNote() {
    const t = messages(this.state.lang);
    const note = document.createElement('div');
    note.className = 'empty-state';
    note.setAttribute('role', 'status');
    const text = document.createElement('p');
    if (!this.state.provinces.length || !this.state.indicators.length) {
      text.textContent = t.chooseSomething;
      note.append(text);
      return note;
    }
    if (this.state.period === 'latest') {
      text.textContent = t.noFigureAtAll;
      note.append(text);
      return note;
    }
    const years = new Set();
    for (const id of this.state.indicators) for (const p of this.coverage.get(id)?.periods ?? []) years.add(p.slice(0, 4));
    text.textContent = t.noFigureFor(this.state.period, [...years].sort().reverse().join(', '));
    const latest = document.createElement('button');
    latest.type = 'button';
    latest.dataset.action = 'latest';
    latest.textContent = t.showLatest;
    latest.addEventListener('click', () => this.update({ period: 'latest' }));
    note.append(text, latest);
    return note;
  }

  /** "Add a report": its code and its engine load when the tab opens; its session outlives re-renders. */
  async renderAddTab() {
    const token = (this.renderToken = Symbol('add'));
    const { render } = await import('./views/add-report.js');
    if (token !== this.renderToken) return;
    const container = document.createElement('div');
    container.className = 'add-report';
    this.addSession ??= {};
    await render(container, {
      lang: this.state.lang, catalog: this.catalog, session: this.addSession,
      onAccepted: (csv, name) => this.useReportFigures(csv, name),
      onShowTable: () => this.update({ tab: 'table' }),
    });
    if (token !== this.renderToken) return;
    this.panel.replaceChildren(container);
  }

  /** The figures accepted from a report join the bundled ones as the user's (or leave). */
  useReportFigures(csv, name) {
    useReportFigures(this, csv, name);
  }

  /** The indicator the chart and map draw: the focus if chosen, else the first chosen. */
  focusIndicator() {
    if (this.state.focus && this.state.indicators.includes(this.state.focus)) return this.state.focus;
    return this.state.indicators.find((id) => (this.coverage.get(id)?.provinces.length ?? 0) > 0) ?? this.state.indicators[0] ?? null;
  }

  focusSelect() {
    const t = messages(this.state.lang);
    const label = document.createElement('label');
    label.className = 'focus';
    label.textContent = `${t.indicator} `;
    const select = document.createElement('select');
    select.name = 'focus';
    const focus = this.focusIndicator();
    for (const id of this.state.indicators) {
      select.append(new Option(indicatorName(this.indicators.get(id), this.state.lang), id, false, id === focus));
    }
    select.addEventListener('change', () => this.update({ focus: select.value }));
    label.append(select);
    return label;
  }

  async renderChartTab() {
    const t = messages(this.state.lang);
    const focus = this.focusIndicator();
    if (!focus) {
      this.panel.replaceChildren(Object.assign(document.createElement('p'), { textContent: t.chartNeedsIndicator }));
      return;
    }
    const token = (this.renderToken = Symbol('chart'));
    const indicator = this.indicators.get(focus);
    const spec = { ...this.compareSpec(), indicators: [focus] };
    const matrix = this.dataset.compare(spec);
    const unit = matrix.columns[0]?.unit ?? indicator.unit;
    const lines = [];
    for (const row of matrix.rows) {
      const series = this.dataset.series({ province: row.province, indicator: focus, perCapita: this.state.perCapita });
      const points = series.points.filter((p) => p.value != null).map((p) => ({ period: p.period, value: p.value, qualifier: p.qualifier }));
      if (points.length) lines.push({ id: row.province, label: this.provinces.get(row.province)?.name ?? row.province, points });
    }
    const bars = matrix.rows
      .map((row) => ({ row, cell: row.cells[0] }))
      .filter(({ cell }) => cell && cell.value != null)
      .sort((a, b) => (indicator.better === 'lower' ? a.cell.value - b.cell.value : b.cell.value - a.cell.value))
      .map(({ row, cell }) => ({
        id: row.province,
        label: this.provinces.get(row.province)?.name ?? row.province,
        value: cell.value,
        qualifier: cell.qualifier,
        period: cell.period,
        derived: Boolean(cell.derived),
        best: cell.best,
        user: cell.origin === 'user',
      }));
    const kind = lines.some((l) => l.points.length > 1) ? 'lines' : 'bars';
    const container = document.createElement('div');
    container.className = 'chart-container';
    const warnings = warningList(matrix.warnings, this.indicators, this.state.lang);
    this.panel.replaceChildren(this.focusSelect(), ...(warnings ? [warnings] : []), container);
    const { render } = await import('./views/chart.js');
    if (token !== this.renderToken) return;
    const title = indicatorName(indicator, this.state.lang);
    this.currentImage = render(container, {
      kind,
      lang: this.state.lang,
      title,
      unitLabel: unitLabel(unit, indicator, this.state.lang),
      bars,
      lines,
      formatValue: (value, qualifier) => formatValue({ value, qualifier }, unit, this.state.lang),
      onSelect: (id) => this.update({ tab: 'profile', province: id }),
    });
    this.currentImageName = `ict-compare-${focus}`;
  }

  async renderMapTab() {
    const t = messages(this.state.lang);
    const token = (this.renderToken = Symbol('map'));
    const focus = this.focusIndicator();
    let scheme = this.state.scheme;
    let values = [];
    let mode = 'indicator';
    let title = t.mapDti;
    let legendTitle = t.mapDtiLegend;
    let note = '';
    if (focus) {
      const ranking = this.dataset.rank({
        indicator: focus,
        period: this.state.period === 'latest' ? 'latest' : Number(this.state.period),
        scheme,
        perCapita: this.state.perCapita,
      });
      const indicator = this.indicators.get(focus);
      const unit = ranking.unit;
      values = ranking.entries.map((e) => ({
        id: e.province,
        label: this.provinces.get(e.province)?.name ?? e.province,
        value: e.figure.value,
        display: `${formatValue(e.figure, unit, this.state.lang)} (${formatPeriod(e.figure.period)})`,
      }));
      title = indicatorName(indicator, this.state.lang);
      legendTitle = unitLabel(unit, indicator, this.state.lang) || title;
    }
    if (values.length < 3) {
      mode = 'rank';
      title = t.mapDti;
      legendTitle = t.mapDtiLegend;
      if (scheme === 'p34') {
        scheme = 'p63';
        note = t.mapDti34;
      }
      values = this.catalog.dti.map((d) => ({
        id: d.province,
        label: this.provinces.get(d.province)?.name ?? d.province,
        value: d.rank,
        display: `${t.rank} ${formatNumber(d.rank, this.state.lang)}`,
      }));
    }
    const container = document.createElement('div');
    container.className = 'map-container';
    const parts = [];
    if (this.state.indicators.length) parts.push(this.focusSelect());
    if (note) parts.push(Object.assign(document.createElement('p'), { className: 'note', textContent: note }));
    this.panel.replaceChildren(...parts, container);
    const [{ render }, topology] = await Promise.all([
      import('./views/map.js'),
      this.boundaries(scheme),
    ]);
    if (token !== this.renderToken) return;
    const names = Object.fromEntries(this.catalog.provinces.filter((p) => p.id.startsWith(scheme)).map((p) => [p.id, p.name]));
    this.currentImage = render(container, {
      lang: this.state.lang,
      scheme,
      topology,
      title,
      legendTitle,
      values,
      names,
      mode,
      noDataLabel: t.noData,
      attribution: t.attribution,
      onSelect: (id) => this.update({ tab: 'profile', province: id }),
    });
    this.currentImageName = `ict-compare-map-${focus ?? 'dti'}`;
  }

  boundaries(scheme) {
    this.topologies ??= new Map();
    if (!this.topologies.has(scheme)) {
      const url = new URL(`boundaries/vn${scheme.slice(1)}_odm.topojson`, BASE);
      this.topologies.set(scheme, fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url.pathname}: ${r.status}`);
        return r.json();
      }));
    }
    return this.topologies.get(scheme);
  }

  renderProfileTab() {
    const choices = [];
    const seen = new Set();
    const add = (id) => {
      if (!id || seen.has(id) || !this.provinces.has(id)) return;
      seen.add(id);
      choices.push({ id, name: this.provinces.get(id).name });
    };
    for (const id of this.state.provinces) add(id);
    add(this.state.province);
    for (const p of this.catalog.provinces) if (p.id.startsWith(this.state.scheme)) add(p.id);
    const province = this.state.province ?? choices[0]?.id;
    const profile = this.dataset.profile(province);
    const container = document.createElement('div');
    const draw = () => renderProfile(container, {
      profile,
      catalog: this.catalog,
      lang: this.state.lang,
      choices,
      onProvince: (id) => this.update({ province: id }),
      onValue: this.onValue,
      offset: this.positions.profile,
      onPage: (offset, button) => {
        this.positions.profile = offset;
        draw();
        refocus(container, button);
      },
    });
    draw();
    this.panel.replaceChildren(container);
  }

  renderSourcesTab() {
    const container = document.createElement('div');
    renderSources(container, {
      lang: this.state.lang,
      sourcePage: (spec) => this.dataset.sourcePage(spec),
      figurePage: (spec) => this.dataset.figurePage(spec),
      indicators: this.indicators,
      provinces: this.provinces,
      position: this.positions.sources,
    });
    this.panel.replaceChildren(container);
  }

  // ---- actions ------------------------------------------------------------------------------

  downloadCsv() {
    const t = messages(this.state.lang);
    // A reader's figure is credited to the reader's file here too, never to a report.
    const report = (id) => {
      const source = this.sources.get(id);
      return source?.origin === 'bundled' ? source.title : `${t.userSource}: ${source?.file || id}`;
    };
    const matrix = this.dataset.compare(this.compareSpec());
    const rows = [['province_id', 'province', 'indicator_id', 'indicator', 'value', 'qualifier', 'unit', 'period', 'derived', 'report', 'outlet', 'published', 'quote', 'table_cell', 'attribution']];
    matrix.columns.forEach((column, c) => {
      const indicator = this.indicators.get(column.indicator);
      for (const row of matrix.rows) {
        const cell = row.cells[c];
        const first = cell?.provenance?.[0];
        const found = first ? this.sources.get(first.source) : null;
        const source = found?.origin === 'bundled' ? found : null;
        rows.push([
          row.province,
          this.provinces.get(row.province)?.name ?? row.province,
          column.indicator,
          indicatorName(indicator, this.state.lang),
          cell?.value ?? null,
          cell?.qualifier ?? '',
          column.unit,
          cell?.period ?? '',
          cell?.derived?.note ?? '',
          cell ? cell.provenance.map((p) => report(p.source)).join(' | ') : '',
          source?.outlet ?? '',
          source?.published ?? '',
          cell ? cell.provenance.map((p) => p.quote).filter(Boolean).join(' | ') : '',
          cell ? cell.provenance.filter((p) => p.cell).map((p) => `${p.cell.row} / ${p.cell.column} / ${p.cell.text}`).join(' | ') : '',
          cell ? [...new Set(cell.provenance.map((p) => this.sources.get(p.source)?.table?.attribution).filter(Boolean))].join(' | ') : '',
        ]);
      }
    });
    offer(new Blob([csvText(rows)], { type: 'text/csv;charset=utf-8' }), 'ict-compare-table.csv', this.frame);
  }

  async downloadImage(kind) {
    if (!this.currentImage) return;
    if (kind === 'svg') {
      offer(new Blob([this.currentImage.svg()], { type: 'image/svg+xml' }), `${this.currentImageName}.svg`, this.frame);
    } else {
      offer(await this.currentImage.png(2), `${this.currentImageName}.png`, this.frame);
    }
  }

}
