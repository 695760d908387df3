// The page's views' engine (`pkg/ict_compare_views.js`), measured for its cold start alone: a
// page that opens on another tab than the table (a portal's province) starts with it instead of
// the table's. Loaded as the page loads it, as ict-compare-page.js is.
import init, { initSync, Dataset } from '../../pkg/ict_compare_views.js';

export async function start(base, files, compiled) {
  const module = await compiled;
  if (module) initSync({ module });
  else await init({ module_or_path: new URL('ict_compare_views_bg.wasm', base) });
  return { bundled: () => Dataset.bundled().free() };
}
