// The page's own first-view engine (`pkg/ict_compare.js`, as `make wasm` builds it), measured
// for its cold start alone: it reads no dataset of one's own files, which the benchmark's
// engine (ict-compare.js) is built to do, so its module is the one a reader downloads. As the
// page does (www/engine.js), the benchmark compiles the module while this script loads
// (bench.js, `COMPILED_AHEAD`), hands it over, and this instantiates it at once.
import { initSync, Dataset } from '../../pkg/ict_compare.js';

export async function start(base, files, compiled) {
  initSync({ module: await compiled });
  return { bundled: () => Dataset.bundled().free() };
}
