// The extraction assistant, made once from the engine's second module (../second-engine.js),
// which is fetched when a report is first added, so that its code stays out of the first view.
import { loadSecondEngine } from '../second-engine.js';

/** @type {Promise<import('../../pkg/ict_compare_full.js').Extractor>|null} */
let loading = null;

/** @returns {Promise<import('../../pkg/ict_compare_full.js').Extractor>} */
export function loadExtractor() {
  if (!loading) {
    const making = loadSecondEngine().then((engine) => engine.Extractor.bundled());
    making.catch(() => { if (loading === making) loading = null; });
    loading = making;
  }
  return loading;
}
