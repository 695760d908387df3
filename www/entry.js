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
// The views' engine's glue and what it imports, likewise, asked for with that engine.
const VIEWS_SCRIPTS = 'VIEWS_SCRIPTS';

/** The tabs (www/state.js `TABS`), and those the table's engine draws (www/engine.js). */
const TABS = ['province', 'table', 'chart', 'map', 'profile', 'sources', 'add'];
const TABLE_TABS = ['table', 'add'];
/** The tab of each compact element (`view=`), as www/app/initial-view.js has it. */
const COMPACT_TABS = { summary: 'province', chart: 'chart', map: 'map' };

/**
 * Whether the page's first <ict-compare>, the one that starts the engine, opens on a tab the
 * views' engine draws, by the rule of www/app/initial-view.js (`startingTab`) without its checks
 * of ids: the element's attributes, then with sync-url the address, a layer with a repeated or
 * unknown tab set aside; a province named without a tab opens on it. The element loads the
 * engine asked for here (www/engine.js), whichever tab it then opens on: either draws the table.
 */
function opensOnViews() {
  const element = document.querySelector('ict-compare');
  if (!element) return false;
  const compact = COMPACT_TABS[element.getAttribute('view') ?? ''];
  if (compact) return true;
  let tab = 'table';
  const layer = (/** @type {URLSearchParams} */ params) => {
    const tabs = params.getAll('tab').filter(Boolean);
    if (tabs.length > 1 || tabs.some((t) => !TABS.includes(t))) return;
    tab = tabs[0] ?? (params.get('province') ? 'province' : tab);
  };
  layer(new URLSearchParams(['tab', 'province'].flatMap((name) => {
    const value = element.getAttribute(name);
    return value ? [[name, value]] : [];
  })));
  if (element.hasAttribute('sync-url')) layer(new URLSearchParams(location.search));
  return !TABLE_TABS.includes(tab);
}

/**
 * Asks for the element's scripts, unless the page already does, and for the engine the page
 * opens on (with its glue, for the views' engine), which it compiles as it arrives. Gives the
 * engine's file and its compiled module to come: null when it could not be fetched (the element
 * then fetches it itself, and says so if that fails too), a rejection when its bytes arrived but
 * could not be compiled (a policy without 'wasm-unsafe-eval', a damaged file), which a second
 * download would not change.
 * @returns {{file: string, module: Promise<WebAssembly.Module | null>}}
 */
function askAhead() {
  const named = new Set([...document.querySelectorAll('link[rel="modulepreload"]')]
    .map((link) => /** @type {HTMLLinkElement} */ (link).href));
  // A portal whose policy admits scripts by nonce gave one to this script: the links carry it,
  // or the policy would refuse them, and a refused module preload would fail the import too.
  const nonce = [...document.scripts].find((script) => script.src === import.meta.url)?.nonce ?? '';
  const views = opensOnViews();
  for (const file of [...SCRIPTS.split(','), ...(views ? VIEWS_SCRIPTS.split(',') : [])].filter(Boolean)) {
    const href = new URL(file, import.meta.url).href;
    if (named.has(href)) continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    if (nonce) link.nonce = nonce;
    link.href = href;
    (document.head ?? document.documentElement).append(link);
  }
  const file = views ? 'ict_compare_views_bg.wasm' : 'ict_compare_bg.wasm';
  // As a portal's <link rel="preload" as="fetch" crossorigin> for it asks (CORS mode, no
  // credentials across origins), so that the browser hands such a preload's response here.
  const module = fetch(new URL(file, import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(`${file}: ${response.status}`);
    return response;
  }).then(
    // Compiled as it streams in; a server that sends it as another type than application/wasm
    // is compiled from its bytes instead. A body whose download fails is a failed fetch too.
    (response) => WebAssembly.compileStreaming(response.clone())
      .catch(() => response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes), fetchFailed)),
    fetchFailed,
  );
  // A module that would not compile is said by the element when it asks for the engine; a page
  // whose element never asks for it needs nothing of it.
  module.catch(() => {});
  return { file, module };
}

/** A fetch of the engine ahead that failed: the element fetches it itself. @param {unknown} error */
function fetchFailed(error) {
  console.warn('ict-compare could not fetch its engine ahead:', error);
  return null;
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
