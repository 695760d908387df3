// The extraction assistant's own wasm module, loaded once, when a report is first added, so
// that its code stays out of the page's first view.
import init, { Extractor } from '../../pkg/ict_compare_extract.js';

let loading = null;

/** @returns {Promise<import('../../pkg/ict_compare_extract.js').Extractor>} */
export function loadExtractor() {
  loading ??= (async () => {
    await init({ module_or_path: new URL('ict_compare_extract_bg.wasm', import.meta.url) });
    return Extractor.bundled();
  })();
  return loading;
}
