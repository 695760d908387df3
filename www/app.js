// The application behind <ict-compare>: holds the view state, asks the engine one question per
// user action, and hands the answers to the views. It computes nothing the engine computes.
import { OTHER_BUILD, loadEngine, loadTexts, loadViews } from './engine.js';
import { useQualifiers, useUnits } from './format.js';
import { hasMessages, loadMessages, messages } from './i18n.js';
import { emptyState, serializeState } from './state.js';
import { reopenKeptFile } from './user-file.js';
import { BASE } from './base.js';
import { build } from './app/frame.js';
import { openDefinition, openFigure } from './app/popovers.js';
import { COMPACT_TABS, initialView, startingTab } from './app/initial-view.js';
import { renderChrome } from './app/chrome.js';
import { drawPanel } from './app/panel.js';

export { USER_FILE_LIMIT_MB } from './user-file.js';

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
    /** Whether the reader's figures are those accepted from a report (the Add a report tab). */
    this.userFromReport = false;
    /** @type {object | null} the Add a report tab's work, kept while the reader looks elsewhere */
    this.addSession = null;
    /** What the last reader's file did, for the notice, and whether it failed. */
    this.userMessage = '';
    this.userError = false;
    /** @type {Map<string, Promise<any>> | null} the boundaries of each scheme, once fetched */
    this.topologies = null;
    /** @type {Map<string, Promise<unknown>> | null} the views' own stylesheets, once added */
    this.viewStyles = null;
    // The frame's parts, built by www/app/frame.js once the engine is ready.
    /** @type {HTMLElement} */ this.titleEl = null;
    /** @type {HTMLElement} */ this.ledeEl = null;
    /** @type {HTMLButtonElement} */ this.langButton = null;
    /** @type {HTMLElement} */ this.notice = null;
    /** @type {import('./pickers.js').ProvincePicker} */ this.provincePicker = null;
    /** @type {import('./pickers.js').IndicatorPicker} */ this.indicatorPicker = null;
    /** @type {HTMLElement} */ this.options = null;
    /** @type {HTMLButtonElement} */ this.controlsToggle = null;
    /** @type {HTMLElement} */ this.tablist = null;
    /** @type {Map<string, HTMLButtonElement>} */ this.tabButtons = null;
    /** @type {HTMLElement} */ this.panel = null;
    /** @type {HTMLElement} */ this.toolbar = null;
    /** @type {HTMLElement} */ this.footer = null;
    /** @type {HTMLElement} */ this.shareStatus = null;
    /** @type {HTMLDialogElement} */ this.embedDialog = null;
    /** @type {import('./provenance.js').ProvenancePopover} */ this.popover = null;
    // The bundled dataset (either engine's: the table's until the views' is put in its place)
    // and the dataset shown, the bundled one or a reader's (the second module's).
    /** @type {import('./engine.js').TableDataset | import('./engine.js').ViewsDataset} */ this.bundled = null;
    /** @type {import('./engine.js').TableDataset | import('./engine.js').ViewsDataset | import('./second-engine.js').FullDataset} */ this.dataset = null;
    /** @type {{ hover: boolean, dataset: App['dataset'] } | null} the popover last asked for, while its texts are fetched */ this.opening = null;
    // What the panel shows: the table's answer, the chart's or map's image for download, and
    // the token of the latest render (an older one that resolves late draws nothing).
    this.matrix = null;
    /** @type {any} */ this.currentImage = null;
    this.currentImageName = '';
    /** @type {string | null} the indicator the last province view answered for (its focus) */
    this.provinceFocus = null;
    /** @type {string | null} the indicator the last chart or map answered for */
    this.graphicsFocus = null;
    /** @type {string | null} a language whose words could not be fetched for this render */
    this.wordsFailed = null;
    /** @type {symbol | null} */ this.renderToken = null;
    /** @type {HTMLElement | null} where the image's downloads are offered, once drawn */ this.imageDownloads = null;
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
    // The engine is fetched while the reader's words are: an English reader waits for both.
    // Which engine: the one that draws the tab the page opens on.
    const engine = loadEngine(startingTab(this));
    engine.catch(() => {});
    await loadMessages(this.initialLang()).catch(() => {});
    this.status.textContent = messages(this.initialLang()).loading;
    // What the portal put inside <ict-compare> (a summary table, a link) shows until the engine
    // is ready, and stays if it cannot start.
    this.fallback = document.createElement('slot');
    this.fallback.className = 'fallback';
    this.frame.append(this.status, this.fallback);
    this.root.replaceChildren(style, this.frame);
    try {
      const { Dataset, bundled, catalog } = await engine;
      this.Dataset = Dataset;
      this.bundled = bundled;
      this.dataset = bundled;
      this.setCatalog(catalog);
      this.state = emptyState();
      await reopenKeptFile(this);
      this.state = initialView(this);
      build(this);
      // Ready once the first panel is drawn, whichever tab it is.
      this.frame.classList.toggle('compact', Boolean(COMPACT_TABS[this.host.getAttribute('view') ?? '']));
      await this.render();
      this.host.dataset.ready = 'true';
      if (this.syncUrl) document.documentElement.dataset.ready = 'true';
      // The long texts, now that the first view is drawn: a reader's first "i" rarely waits.
      loadTexts().catch(() => {});
      window.addEventListener('popstate', () => {
        if (!this.syncUrl) return;
        this.state = initialView(this);
        this.render();
      });
    } catch (error) {
      // The reader gets a sentence in their language and the portal's fallback; the cause is
      // for whoever hosts the files, in the console.
      const t = messages(this.initialLang());
      this.status.className = 'status error';
      this.status.setAttribute('role', 'alert');
      this.status.textContent = `${t.loadFailed}. ${t.loadFailedHint}`;
      this.frame.replaceChildren(this.status, this.fallback);
      this.host.dataset.ready = 'error';
      if (this.syncUrl) document.documentElement.dataset.ready = 'error';
      console.warn('ict-compare could not start:', error);
    }
  }

  /**
   * Makes sure the dataset shown answers the views beyond the table: the bundled dataset of the
   * table's engine is replaced by the views' (the same data, every answer the same), fetched
   * once. A reader's dataset, made by the second module, answers every view already. Rejects
   * with the reader's words when the views' engine cannot be loaded.
   */
  async useViews() {
    if (this.dataset !== this.bundled) return;
    let bundled;
    try {
      ({ bundled } = await loadViews());
    } catch (error) {
      // The reader gets a sentence in their language; the cause goes to the console.
      console.warn('ict-compare could not load its views:', error);
      const t = messages(this.state.lang);
      throw new Error(error?.name === OTHER_BUILD ? t.viewsOtherBuild : t.viewsFailed);
    }
    if (this.dataset === this.bundled) this.dataset = bundled;
    this.bundled = bundled;
  }

  /**
   * The dataset shown, as one that answers the views beyond the table. The panel's tabs and the
   * downloads ask for it once `useViews` has resolved; asked before, it is a bug of the page,
   * said as such rather than as a missing method.
   */
  views() {
    const dataset = this.dataset;
    if (!('provinceView' in dataset)) throw new Error('a view is asked of the table\'s engine before the views\' engine is in use');
    return dataset;
  }

  initialLang() {
    const lang = this.syncUrl ? new URLSearchParams(location.search).get('lang') : this.host.getAttribute('lang');
    return lang === 'en' ? 'en' : 'vi';
  }

  setCatalog(catalog) {
    this.catalog = catalog;
    useUnits(catalog.units);
    useQualifiers(catalog.qualifiers);
    this.provinces = new Map(catalog.provinces.map((p) => [p.id, p]));
    this.indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
    this.sources = new Map(catalog.sources.map((s) => [s.id, s]));
    // A reader's file changes what the pickers count.
    if (this.provincePicker) this.provincePicker.catalog = catalog;
    if (this.indicatorPicker) this.indicatorPicker.catalog = catalog;
  }

  /** The engine's availability of the list shown: counts for the pickers, per capita's reach. */
  availability() {
    return this.catalog.availability.find((a) => a.scheme === this.state.scheme) ?? this.catalog.availability[0];
  }

  /**
   * Whether per 100 000 people means something for any of `ids`: the engine says so per
   * indicator (those that add up across provinces), and refuses it for the others.
   * @param {(string|null)[]} ids
   */
  perCapitaApplies(ids) {
    const each = new Map(this.availability().indicators.map((a) => [a.indicator, a.perCapita]));
    return ids.some((id) => id != null && each.get(id) === true);
  }

  applyAttributes() {
    if (!this.catalog || this.syncUrl) return;
    this.state = initialView(this);
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

  /** Applies a change of the view; settles when the panel is drawn. */
  update(patch) {
    this.state = { ...this.state, ...patch };
    this.problems = [];
    this.positions.table = 0;
    this.positions.profile = 0;
    if (this.syncUrl) {
      const query = serializeState(this.state);
      history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    }
    return this.render();
  }

  /**
   * Moves the view to `year` from a timeline: the redrawn panel's slider takes the focus, so
   * that the keys go on moving it.
   * @param {number | 'latest'} year
   */
  moveToYear(year) {
    return Promise.resolve(this.update({ period: String(year) })).then(() => /** @type {HTMLElement | null} */ (this.panel.querySelector('[role=slider]'))?.focus());
  }

  // ---- the shell, built once ---------------------------------------------------------------

  /** Redraws everything for the state; settles when the panel is drawn. */
  render() {
    const { lang } = this.state;
    // English words are fetched the first time they are needed; Vietnamese if they cannot be,
    // tried once per render so that a failed fetch never loops.
    if (!hasMessages(lang) && this.wordsFailed !== lang) {
      return loadMessages(lang).catch(() => { this.wordsFailed = lang; }).then(() => this.render());
    }
    this.wordsFailed = null;
    renderChrome(this);
    return this.renderPanel();
  }

  /** Draws the panel of the tab on screen; a promise when its code loads on demand. */
  renderPanel() {
    return drawPanel(this);
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
      perCapita: this.state.perCapita && this.perCapitaApplies(this.state.indicators),
      scheme: this.state.scheme,
    };
  }

  /** A number's sources, in the popover (www/app/popovers.js). */
  onValue = (anchor, figure, options = {}) => openFigure(this, anchor, figure, options);

  showDefinition(anchor, indicator) {
    return openDefinition(this, anchor, indicator);
  }

}

