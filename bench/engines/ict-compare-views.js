// The page's views' engine (`pkg/ict_compare_views.js`), measured for its cold start alone: a
// page that opens on another tab than the table (a portal's province) starts with it instead of
// the table's. Loaded as the page loads it, as ict-compare-page.js is.
import { initSync, Dataset } from '../../pkg/ict_compare_views.js';

export async function start(base, files, compiled) {
  initSync({ module: await compiled });
  return { bundled: () => Dataset.bundled().free() };
}
