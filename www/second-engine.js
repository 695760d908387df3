// The engine's second module: what no first view needs, the readers of a reader's own file
// (`Dataset.withUserFile`, `withUserCsv`), the report assistant (`Extractor`) and the analyses
// no view asks for. The page's first-view engine (engine.js) is built without them; this
// module, built from the same crate with them and the bundled texts compiled in, is fetched
// once, when a reader first opens a file or adds a report, or at the start of a page that
// reopens a kept file. Its glue is imported here only then, so this file alone is in the first
// view.
import { OTHER_BUILD, startedEngine } from './engine.js';

/** @typedef {import('../pkg/ict_compare_full.js').Dataset} FullDataset */
/** @typedef {import('../pkg/ict_compare_full.js').Extractor} Extractor */
/** @typedef {{bundled: () => FullDataset, extractor: () => Extractor}} SecondEngine */

/** @type {Promise<SecondEngine>|null} */
let loading = null;
/** @type {SecondEngine|null} */
let loaded = null;

/**
 * The second module, fetched and instantiated once. A failed fetch of its .wasm is tried again
 * at the next call (a failed fetch of its script stays failed until the page is reloaded: the
 * browser keeps a module script's failure). A module of another build than the first (one a
 * cache kept) is refused, with an error named `OTHER_BUILD`, so that its copy of the bundled
 * data is never shown as this build's. @returns {Promise<SecondEngine>}
 */
export function loadSecondEngine() {
  if (!loading) {
    const fetching = (async () => {
      const [glue, first] = await Promise.all([import('../pkg/ict_compare_full.js'), startedEngine()]);
      await glue.default({ module_or_path: new URL('ict_compare_full_bg.wasm', import.meta.url) });
      if (glue.Dataset.bundledId() !== first.Dataset.bundledId()) {
        const error = new Error('the second module bundles other data than the first');
        error.name = OTHER_BUILD;
        throw error;
      }
      /** @type {FullDataset|null} */
      let bundled = null;
      /** @type {Extractor|null} */
      let extractor = null;
      // Each made once, when first asked for: its own copy of the bundled dataset, which a
      // reader's figures join, and the report assistant.
      loaded = {
        bundled: () => (bundled ??= glue.Dataset.bundled()),
        extractor: () => (extractor ??= glue.Extractor.bundled()),
      };
      return loaded;
    })();
    fetching.catch(() => { if (loading === fetching) loading = null; });
    loading = fetching;
  }
  return loading;
}

/**
 * What the reader is told when the second module cannot be used: that the page was updated
 * while open (another build), or that it could not be loaded. `t` is the reader's words.
 */
export function secondEngineWords(error, t) {
  return error?.name === OTHER_BUILD ? t.filesEngineOtherBuild : t.filesEngineFailed;
}

/** The second module if it is loaded already (as it is while the report assistant is open). */
export function secondEngine() {
  return loaded;
}
