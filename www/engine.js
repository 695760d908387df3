// Loads the page's engines once per page, however many <ict-compare> elements it has, and keeps
// their bundled datasets and catalog. Two builds of the engine answer the bundled data alone: the
// table's (`ict_compare_bg.wasm`: the table and its popovers, the first view of most pages) and
// the views' (`ict_compare_views_bg.wasm`: the same with the province, chart, map, profile and
// sources views and the downloads), fetched when a reader first opens one of those, or instead
// of the table's when the page starts on one. The dataset's long texts (definitions, quotes,
// notes) are a file of their own, fetched once the first view is drawn or when a reader opens
// one, whichever comes first: no first view shows them, and they are about half the bundled data.
import * as tableGlue from '../pkg/ict_compare.js';

/** The view-ready answers, typed from the engine's Rust result types (`make lint` regenerates them). */
/** @typedef {import('./types/engine').ProvinceView} ProvinceView */
/** @typedef {import('./types/engine').ProvinceViewSpec} ProvinceViewSpec */
/** @typedef {import('./types/engine').DenseMatrix} DenseMatrix */
/** @typedef {import('./types/engine').FigureRef} FigureRef */
/** @typedef {import('../pkg/ict_compare.js').Dataset} TableDataset */
/** @typedef {import('../pkg/ict_compare_views.js').Dataset} ViewsDataset */
/**
 * An engine: its `Dataset` class, its bundled dataset and the catalog. The page's first engine
 * is either build, typed by what both answer (the table's methods); the views' engine answers
 * every view too, and the page puts it in place before asking for one (`App.useViews`: the
 * panel's tabs, the downloads; `App.views` gives the dataset typed for them).
 * @template {typeof import('../pkg/ict_compare.js').Dataset} D the `Dataset` class
 * @typedef {{Dataset: D, bundled: ReturnType<D['bundled']>, catalog: import('../pkg/ict_compare.js').Catalog}} Engine
 */
/** @typedef {Engine<typeof import('../pkg/ict_compare.js').Dataset>} FirstEngine */
/** @typedef {Engine<typeof import('../pkg/ict_compare_views.js').Dataset>} ViewsEngine */

/** The name of the error when a later module bundles other data than the first. */
export const OTHER_BUILD = 'IctCompareOtherBuild';

const TABLE_FILE = 'ict_compare_bg.wasm';
const VIEWS_FILE = 'ict_compare_views_bg.wasm';

/** The tabs the table's engine draws; every other needs the views'. */
const TABLE_TABS = ['table', 'add'];

/** Whether drawing `tab` needs the views' engine. @param {string} tab */
export function needsViews(tab) {
  return !TABLE_TABS.includes(tab);
}

/** @type {Promise<FirstEngine>|null} the engine the page started with */
let first = null;
/** @type {Promise<ViewsEngine>|null} */
let views = null;
/** When the views' engine last failed to load (`performance.now()`), for `prefetchViews`. */
let viewsFailedAt = -Infinity;
/** Every bundled dataset made on this page, one for each engine: the texts go to each. */
/** @type {{textsPending: boolean, attachTexts: (bytes: Uint8Array) => void}[]} */
const made = [];
/** @type {Promise<Uint8Array>|null} */
let fetchingTexts = null;
/** @type {Uint8Array|null} the long texts, once attached, for an engine made after */
let texts = null;
const RETRY_MS = 5000;
/** @type {Map<string, Promise<WebAssembly.Module | null>>} engines compiled ahead (www/entry.js) */
const compiledAhead = new Map();

/**
 * Hands over an engine's module that the element's script began compiling as the page started
 * (www/entry.js): the engine loaded from `file` is instantiated from it rather than fetched.
 * @param {string} file
 * @param {Promise<WebAssembly.Module | null>} module null when it could not be fetched (the glue
 *   then fetches it), rejected when it could not be compiled (the engine fails with that)
 */
export function offerCompiled(file, module) {
  compiledAhead.set(file, module);
}

/**
 * Initialises an engine's glue from the module compiled ahead for `file`, taken once, or else
 * from the file's address, which the glue fetches and compiles itself; a module that was
 * fetched ahead but would not compile fails the engine with its error. A module at hand is
 * instantiated at once (`initSync`): awaited instead, the instance waits a turn of the page's
 * event loop (0.4 to 4 ms of a cold start of about 25 in two runs side by side).
 * @param {{default: (options: {module_or_path: URL}) => Promise<unknown>, initSync: (options: {module: WebAssembly.Module}) => unknown}} glue
 * @param {string} file
 */
async function instantiate(glue, file) {
  const ahead = compiledAhead.get(file);
  compiledAhead.delete(file);
  const module = await ahead;
  if (module) glue.initSync({ module });
  else await glue.default({ module_or_path: new URL(file, import.meta.url) });
}

/**
 * Starts the page's engine, once: the one the element's script compiled ahead, if it did (its
 * guess, from the attributes and the address alone, may differ from `tab` when the element sets
 * a layer of them aside: either engine draws the table, and one asked for twice would be two
 * downloads), else the table's, or the views' when the page starts on a tab that needs them
 * (then the table's is never fetched).
 * @param {string} tab the tab the page opens on
 * @returns {Promise<FirstEngine>}
 */
export function loadEngine(tab) {
  const onViews = compiledAhead.has(VIEWS_FILE) || (!compiledAhead.has(TABLE_FILE) && needsViews(tab));
  first ??= onViews ? loadViews() : (async () => {
    await instantiate(tableGlue, TABLE_FILE);
    return make(tableGlue.Dataset);
  })();
  return first;
}

/**
 * The engine the page started with (`loadEngine`), for what needs the bundled data once the page
 * has started: the texts, the second module's check of its build.
 * @returns {Promise<FirstEngine>}
 */
export function startedEngine() {
  return first ?? Promise.reject(new Error('the engine is asked for before the page started it'));
}

/**
 * The views' engine, fetched and instantiated once; a failed fetch is tried again at the next
 * call. A module of another build than the table's the page already uses is refused, with an
 * error named `OTHER_BUILD`: the table's answers point into the bundled rows by position, which
 * another build's rows need not share.
 * @returns {Promise<ViewsEngine>}
 */
export function loadViews() {
  if (!views) {
    const loading = (async () => {
      const glue = await import('../pkg/ict_compare_views.js');
      await instantiate(glue, VIEWS_FILE);
      // The engine the page started with, unless it is this one (or failed, and nothing of it is shown).
      const started = first && first !== loading ? await first.catch(() => null) : null;
      if (started && glue.Dataset.bundledId() !== started.Dataset.bundledId()) {
        const error = new Error('the views module bundles other data than the table module');
        error.name = OTHER_BUILD;
        throw error;
      }
      return make(glue.Dataset);
    })();
    loading.catch(() => {
      viewsFailedAt = performance.now();
      if (views === loading) views = null;
    });
    views = loading;
  }
  return views;
}

/**
 * Asks ahead for the views' engine (a pointer over a tab that needs it), unless it failed to load
 * less than RETRY_MS ago: a pointer passing over the tabs after a failure does not fetch it once
 * for each. A reader's opening of such a tab asks for it at once (`loadViews`).
 */
export function prefetchViews() {
  if (performance.now() - viewsFailedAt >= RETRY_MS) loadViews().catch(() => {});
}

/**
 * An engine's bundled dataset and catalog, its long texts attached if they are here already.
 * @template {typeof import('../pkg/ict_compare.js').Dataset} D
 * @param {D} Engine
 * @returns {Engine<D>}
 */
function make(Engine) {
  const bundled = /** @type {ReturnType<D['bundled']>} */ (Engine.bundled());
  if (texts && bundled.textsPending) bundled.attachTexts(texts);
  made.push(bundled);
  return { Dataset: Engine, bundled, catalog: bundled.catalog() };
}

/**
 * Attaches the bundled dataset's long texts to every engine's bundled dataset, fetching them
 * once per page; every dataset made from one after (a reader's file) holds them.
 * @returns {Promise<void>}
 */
export async function loadTexts() {
  await startedEngine();
  if (!made.some((dataset) => dataset.textsPending)) return;
  if (!fetchingTexts) {
    const fetching = (async () => {
      const url = new URL('ict_compare_texts.pack', import.meta.url);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    })();
    // Tried again at the next need, but not sooner than RETRY_MS after a failure, so that a
    // pointer passing over the table's numbers does not fetch once for each.
    fetching.catch(() => setTimeout(() => { if (fetchingTexts === fetching) fetchingTexts = null; }, RETRY_MS));
    fetchingTexts = fetching;
  }
  const bytes = await fetchingTexts;
  // A texts file of another build is refused here, at every need, and never kept for an engine
  // made after.
  for (const dataset of made) if (dataset.textsPending) dataset.attachTexts(bytes);
  texts = bytes;
}
