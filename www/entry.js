// The one script a portal loads (`<script type="module" src=".../ict-compare.js">`, built from
// this file). It asks at once for the engine's module and for the element's scripts, then
// loads the element (element.js). A module's static imports are all fetched before its first
// line runs, and the engine is asked for by the element once it runs: an entry that imported
// the element would make the browser wait for the element's script, then its chunks, then the
// engine, three round trips in a row before the first view, on a portal's page whose readers'
// network may be slow. Here they go out together. The stand-alone page names the same files in
// its <head> (scripts/build-page.mjs); nothing is then asked for twice.

// The element's scripts, comma-separated: the build writes their names here, known only once
// it has split them (scripts/build-page.mjs), and fails if it cannot.
const SCRIPTS = 'ELEMENT_SCRIPTS';

/** The tabs the views' engine draws (www/engine.js); the table's draws the others. */
const VIEWS_TABS = ['province', 'chart', 'map', 'profile', 'sources'];
/** The tab of each compact element (`view=`), as www/app/initial-view.js has it. */
const COMPACT_TABS = { summary: 'province', chart: 'chart', map: 'map' };

/**
 * Whether every <ict-compare> of the page opens on a tab the views' engine draws, by the rule
 * of www/app/initial-view.js (`startingTab`) without its checks: the element's attributes,
 * then with sync-url the address; a province named without a tab opens on it. The engine asked
 * for ahead is the one the element will load; should a check the element makes set a layer
 * aside, the engine it loads is still one of the two.
 */
function opensOnViews() {
  const elements = [...document.querySelectorAll('ict-compare')];
  return elements.length > 0 && elements.every((element) => {
    const compact = COMPACT_TABS[element.getAttribute('view') ?? ''];
    if (compact) return true;
    let tab = 'table';
    const layer = (/** @type {(name: string) => string | null} */ get) => {
      tab = get('tab') || (get('province') ? 'province' : tab);
    };
    layer((name) => element.getAttribute(name));
    if (element.hasAttribute('sync-url')) {
      const params = new URLSearchParams(location.search);
      layer((name) => params.get(name));
    }
    return VIEWS_TABS.includes(tab);
  });
}

/** Asks for the engine and the element's scripts, unless the page already does. */
function askAhead() {
  const named = new Set([...document.querySelectorAll('link[rel="preload"], link[rel="modulepreload"]')]
    .map((link) => /** @type {HTMLLinkElement} */ (link).href));
  // A portal whose policy admits scripts by nonce gave one to this script: the links carry it,
  // or the policy would refuse them, and a refused module preload would fail the import too.
  const nonce = [...document.scripts].find((script) => script.src === import.meta.url)?.nonce ?? '';
  const ask = (file, rel, as) => {
    const href = new URL(file, import.meta.url).href;
    if (named.has(href)) return;
    const link = document.createElement('link');
    link.rel = rel;
    if (as) {
      link.as = as;
      // As the engine's glue fetches it (`fetch`, CORS mode, no credentials across origins),
      // so that the browser hands this response to that fetch.
      link.crossOrigin = 'anonymous';
    }
    if (nonce) link.nonce = nonce;
    link.href = href;
    (document.head ?? document.documentElement).append(link);
  };
  ask(opensOnViews() ? 'ict_compare_views_bg.wasm' : 'ict_compare_bg.wasm', 'preload', 'fetch');
  for (const file of SCRIPTS.split(',').filter(Boolean)) ask(file, 'modulepreload');
}

// Another copy of this script defined the element already: nothing to ask for.
if (!customElements.get('ict-compare')) {
  try {
    askAhead();
  } catch (error) {
    // Asking ahead only saves time: the element loads without it.
    console.warn('ict-compare could not ask ahead for its files:', error);
  }
}
import('./element.js');
