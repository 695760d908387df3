// Loads the engine once per page, however many <ict-compare> elements it has, and keeps the
// bundled dataset and its catalog. The dataset's long texts (definitions, quotes, notes) are a
// file of their own, fetched once the first view is drawn or when a reader opens one, whichever
// comes first: no first view shows them, and they are about half the bundled data.
import init, { Dataset } from '../pkg/ict_compare.js';

/** The view-ready answers, typed from the engine's Rust result types (`make lint` regenerates them). */
/** @typedef {import('./types/engine').ProvinceView} ProvinceView */
/** @typedef {import('./types/engine').ProvinceViewSpec} ProvinceViewSpec */
/** @typedef {import('./types/engine').DenseMatrix} DenseMatrix */
/** @typedef {import('./types/engine').FigureRef} FigureRef */

let loading = null;
let attaching = null;
const RETRY_MS = 5000;

/**
 * @returns {Promise<{Dataset: typeof Dataset, bundled: Dataset, catalog: import('../pkg/ict_compare.js').Catalog}>}
 */
export function loadEngine() {
  loading ??= (async () => {
    await init({ module_or_path: new URL('ict_compare_bg.wasm', import.meta.url) });
    const bundled = Dataset.bundled();
    return { Dataset, bundled, catalog: bundled.catalog() };
  })();
  return loading;
}

/**
 * Attaches the bundled dataset's long texts, once per page; every dataset made from it after
 * (a reader's file) holds them.
 * @returns {Promise<void>}
 */
export function loadTexts() {
  if (!attaching) {
    const fetching = (async () => {
      const { bundled } = await loadEngine();
      if (!bundled.textsPending) return;
      const url = new URL('ict_compare_texts.pack', import.meta.url);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
      bundled.attachTexts(new Uint8Array(await response.arrayBuffer()));
    })();
    // Tried again at the next need, but not sooner than RETRY_MS after a failure, so that a
    // pointer passing over the table's numbers does not fetch once for each.
    fetching.catch(() => setTimeout(() => { if (attaching === fetching) attaching = null; }, RETRY_MS));
    attaching = fetching;
  }
  return attaching;
}
