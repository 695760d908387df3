// The one script a portal loads (`<script type="module" src=".../ict-compare.js">`, built from
// this file). It asks at once for the element's scripts and for the engine's module, which it
// begins compiling as it arrives, then loads the element (element.js) and hands it the module.
// A module's static imports are all fetched before its first line runs, and the engine would be
// asked for by the element once it runs: an entry that imported the element would make the
// browser wait for the element's script, then its chunks, then the engine, three round trips in
// a row before the first view, on a portal's page whose readers' network may be slow; and the
// engine compiled only then. Here they go out together, and the engine compiles while the
// element's scripts load. The stand-alone page names the same scripts in its <head>
// (scripts/build-page.mjs); nothing is then asked for twice.

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

/**
 * Asks for the element's scripts, unless the page already does, and for the engine the page
 * opens on, which it compiles as it arrives. Resolves to the compiled engine, or to null when it
 * could not be (the element then fetches it itself, and says so if that fails too).
 * @returns {{file: string, module: Promise<WebAssembly.Module | null>}}
 */
function askAhead() {
  const named = new Set([...document.querySelectorAll('link[rel="modulepreload"]')]
    .map((link) => /** @type {HTMLLinkElement} */ (link).href));
  // A portal whose policy admits scripts by nonce gave one to this script: the links carry it,
  // or the policy would refuse them, and a refused module preload would fail the import too.
  const nonce = [...document.scripts].find((script) => script.src === import.meta.url)?.nonce ?? '';
  for (const file of SCRIPTS.split(',').filter(Boolean)) {
    const href = new URL(file, import.meta.url).href;
    if (named.has(href)) continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    if (nonce) link.nonce = nonce;
    link.href = href;
    (document.head ?? document.documentElement).append(link);
  }
  const file = opensOnViews() ? 'ict_compare_views_bg.wasm' : 'ict_compare_bg.wasm';
  // As a portal's <link rel="preload" as="fetch" crossorigin> for it asks (CORS mode, no
  // credentials across origins), so that the browser hands such a preload's response here.
  const module = fetch(new URL(file, import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(`${file}: ${response.status}`);
    // Compiled as it streams in; a server that sends it as another type than application/wasm
    // is compiled from its bytes instead.
    return WebAssembly.compileStreaming(response.clone())
      .catch(() => response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)));
  }).catch((error) => {
    console.warn('ict-compare could not compile its engine ahead:', error);
    return null;
  });
  return { file, module };
}

// Another copy of this script defined the element already: nothing to ask for.
if (!customElements.get('ict-compare')) {
  let ahead = null;
  try {
    ahead = askAhead();
  } catch (error) {
    // Asking ahead only saves time: the element loads without it.
    console.warn('ict-compare could not ask ahead for its files:', error);
  }
  import('./element.js').then(({ define }) => define(ahead));
}
