// The application behind <ict-compare>: holds the view state, asks the engine one question per
// user action, and hands the answers to the views. It computes nothing the engine computes.
import { loadEngine } from './engine.js';
import { csvText, offer } from './download.js';
import { formatNumber, formatPeriod, formatValue } from './format.js';
import { indicatorName, messages } from './i18n.js';
import { IndicatorPicker, ProvincePicker } from './pickers.js';
import { ProvenancePopover, provenanceContent } from './provenance.js';
import { emptyState, parseState, serializeState, TABS } from './state.js';
import { render as renderTable, unitLabel, warningList } from './views/table.js';
import { render as renderProfile } from './views/profile.js';
import { render as renderSources } from './views/sources.js';

/** The largest CSV a reader may open: a provincial office's file is a few kilobytes. */
export const USER_FILE_LIMIT_MB = 10;
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
    const reported = new Map();
    for (const c of this.catalog.coverage) for (const p of c.provinces) reported.set(p, (reported.get(p) ?? 0) + c.observations);
    const provinces = [...reported.keys()].filter((p) => p.startsWith('p63:')).sort((a, b) => reported.get(b) - reported.get(a));
    let indicators = this.catalog.coverage.filter((c) => c.provinces.length >= 2).map((c) => c.indicator);
    if (!indicators.length) indicators = this.catalog.coverage.filter((c) => c.observations > 0).slice(0, 8).map((c) => c.indicator);
    return { ...emptyState(), provinces, indicators };
  }

  /** Defaults, then the element's attributes, then (with sync-url) the address. */
  initialState() {
    const attributes = {};
    for (const name of ['provinces', 'indicators', 'lang', 'tab', 'period', 'scheme', 'focus', 'province']) {
      if (this.host.hasAttribute(name)) attributes[name] = this.host.getAttribute(name);
    }
    if (this.host.hasAttribute('per-capita')) attributes.perCapita = '1';
    const fromAttributes = parseState(attributes);
    const fromUrl = this.syncUrl ? parseState(new URLSearchParams(location.search)) : { state: {}, problems: [] };
    this.problems = [...fromAttributes.problems, ...fromUrl.problems];
    const state = { ...this.defaults(), ...fromAttributes.state, ...fromUrl.state };
    return this.checked(state);
  }

  /** Drops ids the catalog does not know, saying so. */
  checked(state) {
    const unknownProvinces = state.provinces.filter((p) => !this.provinces.has(p));
    const unknownIndicators = state.indicators.filter((i) => !this.indicators.has(i));
    for (const name of unknownProvinces) this.problems.push({ key: 'unknownProvince', name });
    for (const name of unknownIndicators) this.problems.push({ key: 'unknownIndicator', name });
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
      if (file) this.openFile(file);
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
    this.ledeEl.textContent = `${t.lede} ${t.summary(list.figures, list.sources)}.`;
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

  coverageSummary() {
    const figures = this.dataset.size;
    const sources = new Set(this.catalog.sources.map((s) => s.id)).size;
    return { figures, sources };
  }

  renderNotice() {
    const t = messages(this.state.lang);
    const parts = [];
    if (this.problems.length) {
      parts.push(`${t.urlProblem}: ${this.problems.map((p) => {
        const say = t.problems[p.key];
        return typeof say === 'function' ? say(p.name ?? '') : say;
      }).join('; ')}.`);
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
    items.push(button(t.share, () => this.share(), 'share'));
    items.push(button(t.embed, () => this.showEmbed(), 'embed'));
    const open = document.createElement('label');
    open.className = 'open-file';
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,text/csv';
    input.addEventListener('change', () => input.files?.[0] && this.openFile(input.files[0]));
    open.append(input, ` ${t.openCsv}`);
    const hint = document.createElement('small');
    hint.textContent = ` ${t.dropHint}`;
    items.push(open, hint);
    if (this.userFile) items.push(button(t.clearUser, () => this.clearUserFile(), 'clear-user'));
    this.shareStatus = document.createElement('span');
    this.shareStatus.className = 'share-status';
    this.shareStatus.setAttribute('role', 'status');
    items.push(this.shareStatus);
    this.toolbar.replaceChildren(...items);
  }

  renderFooter() {
    const t = messages(this.state.lang);
    const sources = this.catalog.sources.filter((s) => !s.published.startsWith('1900'));
    this.footer.textContent = `${t.source}: ${sources.map((s) => `${s.outlet} (${formatPeriod(s.published)})`).join('; ')}.`;
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
    renderTable(container, { matrix: this.matrix, catalog: this.catalog, lang: this.state.lang, onValue: this.onValue });
    this.panel.replaceChildren(...container.childNodes);
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
    if (!csv && !this.userFromReport) return;
    const merged = csv ? this.bundled.withUserCsv(csv, name) : this.bundled;
    if (this.dataset !== this.bundled) this.dataset.free();
    this.dataset = merged;
    this.userFromReport = Boolean(csv);
    this.userFile = csv ? name : null;
    this.userMessage = null;
    this.setCatalog(merged.catalog());
    const mine = csv ? merged.observations().observations.filter((o) => o.origin === 'user') : [];
    this.update({
      provinces: [...new Set([...this.state.provinces, ...this.toScheme(mine.map((o) => o.province), this.state.scheme)])],
      indicators: [...new Set([...this.state.indicators, ...mine.map((o) => o.indicator)])],
    });
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
      formatValue: (value, qualifier) => formatValue({ value, qualifier }, unit === 'percent' ? 'percent' : '', this.state.lang),
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
      const unit = this.state.perCapita && ['count', 'vnd_billion', 'vnd_million', 'km', 'hours'].includes(indicator.unit) ? 'per_100000_people' : indicator.unit;
      values = ranking.entries.map((e) => ({
        id: e.province,
        label: this.provinces.get(e.province)?.name ?? e.province,
        value: e.figure.value,
        display: `${formatValue(e.figure, unit === 'percent' ? 'percent' : '', this.state.lang)} (${formatPeriod(e.figure.period)})`,
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
    renderProfile(container, {
      profile,
      catalog: this.catalog,
      lang: this.state.lang,
      choices,
      onProvince: (id) => this.update({ province: id }),
      onValue: this.onValue,
    });
    this.panel.replaceChildren(...container.childNodes);
  }

  renderSourcesTab() {
    const container = document.createElement('div');
    renderSources(container, { list: this.dataset.observations(), lang: this.state.lang });
    this.panel.replaceChildren(...container.childNodes);
  }

  // ---- actions ------------------------------------------------------------------------------

  downloadCsv() {
    const matrix = this.dataset.compare(this.compareSpec());
    const rows = [['province_id', 'province', 'indicator_id', 'indicator', 'value', 'qualifier', 'unit', 'period', 'derived', 'report', 'outlet', 'published', 'quote']];
    matrix.columns.forEach((column, c) => {
      const indicator = this.indicators.get(column.indicator);
      for (const row of matrix.rows) {
        const cell = row.cells[c];
        const first = cell?.provenance?.[0];
        const source = first ? this.sources.get(first.source) : null;
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
          cell ? cell.provenance.map((p) => this.sources.get(p.source)?.title ?? p.source).join(' | ') : '',
          source?.outlet ?? '',
          source?.published ?? '',
          cell ? cell.provenance.map((p) => p.quote).join(' | ') : '',
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

  shareUrl({ embed = false } = {}) {
    const page = this.syncUrl ? new URL(location.href) : new URL('index.html', BASE);
    const query = serializeState(this.state);
    page.search = embed ? (query ? `${query}&embed=1` : 'embed=1') : query;
    page.hash = '';
    return page.href;
  }

  async share() {
    const t = messages(this.state.lang);
    const url = this.shareUrl();
    try {
      await navigator.clipboard.writeText(url);
      this.shareStatus.textContent = t.shareCopied;
    } catch {
      this.shareStatus.textContent = url;
    }
  }

  embedSnippets() {
    const script = new URL('ict-compare.js', BASE).href;
    const attributes = [
      ['provinces', this.state.provinces.join(',')],
      ['indicators', this.state.indicators.join(',')],
      ['lang', this.state.lang],
      ['tab', this.state.tab],
      ...(this.state.period !== 'latest' ? [['period', this.state.period]] : []),
      ...(this.state.scheme !== 'p63' ? [['scheme', this.state.scheme]] : []),
      ...(this.state.focus ? [['focus', this.state.focus]] : []),
      ...(this.state.province ? [['province', this.state.province]] : []),
    ];
    const escape = (v) => v.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
    const element = `<script type="module" src="${escape(script)}"></script>\n<ict-compare ${attributes.map(([k, v]) => `${k}="${escape(v)}"`).join(' ')}${this.state.perCapita ? ' per-capita' : ''}></ict-compare>`;
    const iframe = `<iframe src="${escape(this.shareUrl({ embed: true }))}" title="ict-compare" width="100%" height="720" loading="lazy"></iframe>`;
    return { element, iframe };
  }

  showEmbed() {
    const t = messages(this.state.lang);
    const { element, iframe } = this.embedSnippets();
    const heading = document.createElement('h3');
    heading.textContent = t.embedTitle;
    const block = (label, text, name) => {
      const wrap = document.createElement('label');
      wrap.textContent = label;
      const area = document.createElement('textarea');
      area.readOnly = true;
      area.rows = 4;
      area.name = name;
      area.value = text;
      wrap.append(area);
      return wrap;
    };
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = t.close;
    close.addEventListener('click', () => this.embedDialog.close());
    this.embedDialog.replaceChildren(heading, block(t.embedScript, element, 'element'), block(t.embedIframe, iframe, 'iframe'), close);
    this.embedDialog.showModal();
  }

  async openFile(file) {
    const t = messages(this.state.lang);
    this.userError = false;
    if (file.size > USER_FILE_LIMIT_MB * 1024 * 1024) {
      this.userError = true;
      this.userMessage = t.userTooLarge(file.name, USER_FILE_LIMIT_MB);
      this.renderNotice();
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      const merged = this.bundled.withUserFile(bytes, file.name);
      const added = merged.size - this.bundled.size;
      if (this.dataset !== this.bundled) this.dataset.free();
      this.dataset = merged;
      this.userFile = file.name;
      this.userFromReport = false;
      this.setCatalog(merged.catalog());
      const userList = merged.observations().observations.filter((o) => o.origin === 'user');
      const provinces = [...new Set(userList.map((o) => o.province))];
      const indicators = [...new Set(userList.map((o) => o.indicator))];
      this.userMessage = t.userLoaded(added, file.name);
      this.update({
        provinces: [...new Set([...this.state.provinces, ...this.toScheme(provinces, this.state.scheme)])],
        indicators: [...new Set([...this.state.indicators, ...indicators])],
      });
    } catch (error) {
      this.userError = true;
      const cause = error.cause ?? {};
      const where = cause.line ? ` (${t.userAt(cause.line, cause.column)})` : '';
      this.userMessage = `${t.userFailed(file.name)}${where}: ${cause.message ?? error.message}`;
      this.renderNotice();
    }
  }

  clearUserFile() {
    if (this.dataset !== this.bundled) this.dataset.free();
    this.userFromReport = false;
    this.dataset = this.bundled;
    this.userFile = null;
    this.userMessage = null;
    this.setCatalog(this.bundled.catalog());
    this.update({
      provinces: this.state.provinces.filter((p) => this.provinces.has(p)),
      indicators: this.state.indicators.filter((i) => this.indicators.has(i)),
    });
  }
}
