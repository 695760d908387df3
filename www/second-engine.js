// The engine's second module: what no first view needs, the readers of a reader's own file
// (`Dataset.withUserFile`, `withUserCsv`) and the report assistant (`Extractor`). The page's
// first-view engine (engine.js) is built without them; this module, built from the same crate
// with them and the bundled texts compiled in, is fetched once, when a reader first opens a
// file or adds a report. Its glue is imported here only then, so this file alone is in the
// first view.

/** @typedef {typeof import('../pkg/ict_compare_full.js')} Glue */
/** @typedef {{Dataset: Glue['Dataset'], Extractor: Glue['Extractor'], bundled: () => import('../pkg/ict_compare_full.js').Dataset}} SecondEngine */

/** @type {Promise<SecondEngine>|null} */
let loading = null;
/** @type {SecondEngine|null} */
let loaded = null;

/**
 * The second module, fetched and instantiated once; a failed fetch is tried again at the next
 * call. @returns {Promise<SecondEngine>}
 */
export function loadSecondEngine() {
  if (!loading) {
    const fetching = (async () => {
      const glue = await import('../pkg/ict_compare_full.js');
      await glue.default({ module_or_path: new URL('ict_compare_full_bg.wasm', import.meta.url) });
      /** @type {import('../pkg/ict_compare_full.js').Dataset|null} */
      let bundled = null;
      // Its own copy of the bundled dataset, made when a reader's figures first join it.
      loaded = { Dataset: glue.Dataset, Extractor: glue.Extractor, bundled: () => (bundled ??= glue.Dataset.bundled()) };
      return loaded;
    })();
    fetching.catch(() => { if (loading === fetching) loading = null; });
    loading = fetching;
  }
  return loading;
}

/** The second module if it is loaded already (as it is while the report assistant is open). */
export function secondEngine() {
  return loaded;
}
