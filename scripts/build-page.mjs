// Bundles the page from www/ and the generated glue in pkg/ into dist/, and reports what a
// first visit transfers (gzip), since a portal's readers pay for every byte.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist';
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  entryPoints: { 'ict-compare': 'www/element.js' },
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  sourcemap: false,
  target: 'es2022',
  outdir: dist,
  logLevel: 'warning',
});

for (const file of readdirSync('www')) {
  if (/\.(html|css|svg)$/.test(file)) cpSync(join('www', file), join(dist, file));
}
cpSync('pkg/ict_compare_bg.wasm', join(dist, 'ict_compare_bg.wasm'));

// What the first view loads: the HTML, its scripts, styles and the engine.
const firstView = readdirSync(dist).filter((f) => /\.(html|js|css|wasm)$/.test(f));
const sizes = Object.fromEntries(
  firstView.map((file) => {
    const bytes = readFileSync(join(dist, file));
    return [file, { raw: statSync(join(dist, file)).size, gzip: gzipSync(bytes, { level: 9 }).length }];
  }),
);
const total = Object.values(sizes).reduce((sum, s) => sum + s.gzip, 0);
writeFileSync(join(dist, 'sizes.json'), JSON.stringify({ files: sizes, totalGzip: total }, null, 2));
console.log(`dist/: ${firstView.length} files, ${(total / 1024).toFixed(1)} KiB gzip in all`);
for (const [file, s] of Object.entries(sizes)) {
  console.log(`  ${file.padEnd(28)} ${String(s.raw).padStart(9)} B  ${String(s.gzip).padStart(8)} B gzip`);
}
