// Bundles the page from www/ and the generated glue in pkg/ into dist/, and reports what a
// first visit transfers (gzip), since a portal's readers pay for every byte.
import { build, transformSync } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist';
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// The element's script is the embed script too: `ict-compare.js` is what portals load. It is
// built from www/entry.js, which asks for the engine, then imports the element.
const result = await build({
  entryPoints: { 'ict-compare': 'www/entry.js' },
  metafile: true,
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  sourcemap: false,
  // Vietnamese text as UTF-8 rather than \u escapes: half the bytes before compression, and a
  // module script is always read as UTF-8.
  charset: 'utf8',
  target: 'es2022',
  outdir: dist,
  logLevel: 'warning',
});

for (const file of readdirSync('www')) {
  if (/\.(html|css|svg)$/.test(file) && file !== 'index.html') cpSync(join('www', file), join(dist, file));
}
// The views' styles (chart, map) follow the element's in the one stylesheet its shadow root loads,
// but for the views a first screen never shows, whose stylesheets load with them (www/app/tabs.js).
const onDemandStyles = ['add-report.css'];
const viewStyles = readdirSync('www/views').filter((file) => file.endsWith('.css') && !onDemandStyles.includes(file)).sort();
// Minified like the scripts: the comments and spacing are a fifth of the first view's styles.
const minifyCss = (files) => transformSync(files.map((file) => readFileSync(file, 'utf8')).join('\n'), { loader: 'css', minify: true, charset: 'utf8' }).code;
writeFileSync(join(dist, 'styles.css'), minifyCss([join('www', 'styles.css'), ...viewStyles.map((file) => join('www/views', file))]));
for (const file of onDemandStyles) writeFileSync(join(dist, file), minifyCss([join('www/views', file)]));
// The boundaries, fetched only when the map tab opens.
mkdirSync(join(dist, 'boundaries'), { recursive: true });
for (const file of ['vn63_odm.topojson', 'vn34_odm.topojson']) {
  cpSync(join('data/reference/boundaries', file), join(dist, 'boundaries', file));
}
cpSync('pkg/ict_compare_bg.wasm', join(dist, 'ict_compare_bg.wasm'));
// The views' engine (the province, chart, map, profile and sources views, the downloads),
// fetched when a reader first opens one, or instead of the table's when the page starts on one.
cpSync('pkg/ict_compare_views_bg.wasm', join(dist, 'ict_compare_views_bg.wasm'));
// The bundled dataset's long texts (definitions, quotes, notes), fetched after the first view.
cpSync('src/dataset/bundled-texts.pack', join(dist, 'ict_compare_texts.pack'));
// The second module (a reader's own file, the extraction assistant), fetched only when a reader
// opens a file or adds a report.
cpSync('pkg/ict_compare_full_bg.wasm', join(dist, 'ict_compare_full_bg.wasm'));

// What the first view loads: the page, its styles, the element's script, the element it
// imports at once with the chunks that imports statically (not the chart and map, imported
// when their tab opens) and the engine.
const outputs = result.metafile.outputs;
const statics = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of outputs[file]?.imports ?? []) {
    if (imported.kind === 'import-statement' && !imported.external) statics(imported.path, seen);
  }
  return seen;
};
const entryScript = join(dist, 'ict-compare.js');
const firstScripts = statics(entryScript);
for (const imported of outputs[entryScript]?.imports ?? []) {
  if (imported.kind === 'dynamic-import' && !imported.external) statics(imported.path, firstScripts);
}
const scripts = [...firstScripts].map((file) => file.slice(dist.length + 1));
// The entry asks for the element's scripts with the engine (www/entry.js): their names, known
// only now, are written into it.
// The views' engine's glue is a chunk of its own, imported when that engine is loaded: the entry
// asks for it ahead on a page that opens on a view it draws.
const viewsGlue = Object.keys(outputs).find((file) => Object.keys(outputs[file].inputs).includes('pkg/ict_compare_views.js'));
if (!viewsGlue) throw new Error('no chunk of the build holds pkg/ict_compare_views.js');
const viewsScripts = [...statics(viewsGlue)].filter((file) => !firstScripts.has(file)).map((file) => file.slice(dist.length + 1));
let entryText = readFileSync(entryScript, 'utf8');
for (const [name, files] of [['ELEMENT_SCRIPTS', scripts.filter((file) => file !== 'ict-compare.js')], ['VIEWS_SCRIPTS', viewsScripts]]) {
  const placeholder = new RegExp(`(["'])${name}\\1`);
  if (entryText.match(new RegExp(placeholder, 'g'))?.length !== 1) throw new Error(`the built entry does not name ${name} once (www/entry.js)`);
  entryText = entryText.replace(placeholder, JSON.stringify(files.join(',')));
}
writeFileSync(entryScript, entryText);
const firstView = ['index.html', 'page.css', 'styles.css', ...scripts, 'ict_compare_bg.wasm'];

// The page names up front what its script will ask for, so that the browser fetches it all at
// once: without the hints, the chunks wait for the element's script to be read, and the engine
// for the chunks (a waterfall of three round trips before the module can compile). The engine
// is not named here: which of the two the page needs depends on the tab its address opens, so
// the element's script asks for it as it starts (www/entry.js), as it does on a portal's page.
const hints = [
  ...scripts.filter((file) => file !== 'ict-compare.js').map((file) => `<link rel="modulepreload" href="${file}">`),
  '<link rel="preload" href="styles.css" as="style">',
];
const page = readFileSync(join('www', 'index.html'), 'utf8');
const entry = '<script type="module" src="ict-compare.js"></script>';
if (!page.includes(entry)) throw new Error(`www/index.html no longer loads the element as ${entry}`);
writeFileSync(join(dist, 'index.html'), page.replace(entry, [entry, ...hints].join('\n  ')));
const measure = (file) => {
  const bytes = readFileSync(join(dist, file));
  return [file, { raw: statSync(join(dist, file)).size, gzip: gzipSync(bytes, { level: 9 }).length }];
};
const sizes = Object.fromEntries(firstView.map(measure));
const firstViewGzip = Object.values(sizes).reduce((sum, s) => sum + s.gzip, 0);
const later = Object.fromEntries(
  readdirSync(dist).filter((f) => /\.(js|css|topojson|wasm|pack)$/.test(f) && !firstView.includes(f)).map(measure),
);
// Each engine as a reader fetches it: its module and its glue, minified as the page bundles it
// (the glue is bundled into the page's scripts, so it is weighed on its own here).
const engine = (glue, module) => {
  const code = transformSync(readFileSync(glue, 'utf8'), { loader: 'js', minify: true, format: 'esm', target: 'es2022' }).code;
  const parts = { module: measure(module)[1].gzip, glue: gzipSync(Buffer.from(code), { level: 9 }).length };
  return { ...parts, gzip: parts.module + parts.glue };
};
const engines = {
  table: engine('pkg/ict_compare.js', 'ict_compare_bg.wasm'),
  views: engine('pkg/ict_compare_views.js', 'ict_compare_views_bg.wasm'),
};
writeFileSync(join(dist, 'sizes.json'), JSON.stringify({ firstView: sizes, firstViewGzip, later, engines }, null, 2));
console.log(`first view: ${firstViewGzip} B gzip (the goal: at most 250 KB; docs/PERFORMANCE.md)`);
for (const [name, e] of Object.entries(engines)) {
  console.log(`  the ${name} engine, module and glue: ${e.gzip} B gzip (module ${e.module}, glue ${e.glue})`);
}
for (const [file, s] of Object.entries({ ...sizes, ...later })) {
  const when = file in sizes ? '' : '  (loaded on demand)';
  console.log(`  ${file.padEnd(30)} ${String(s.raw).padStart(9)} B  ${String(s.gzip).padStart(8)} B gzip${when}`);
}
