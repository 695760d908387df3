// Loads the engine once per page, however many <ict-compare> elements it has, and keeps the
// bundled dataset and its catalog.
import init, { Dataset } from '../pkg/ict_compare.js';

/** The view-ready answers, typed from the engine's Rust result types (`make lint` regenerates them). */
/** @typedef {import('./types/engine').ProvinceView} ProvinceView */
/** @typedef {import('./types/engine').ProvinceViewSpec} ProvinceViewSpec */
/** @typedef {import('./types/engine').DenseMatrix} DenseMatrix */
/** @typedef {import('./types/engine').FigureRef} FigureRef */

let loading = null;

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
