// ict-compare through its JavaScript API: the page's engine with datasets of one's own files
// (`make bench-wasm`), which the page never loads but a benchmark of the parse needs.
import init, { Dataset, DatasetLoader } from '../../pkg/ict_compare_bench.js';

const PIECE = 1 << 20;

export async function start(base, files = {}) {
  await init({ module_or_path: new URL('ict_compare_bench_bg.wasm', base) });
  return {
    bundled: () => Dataset.bundled().free(),
    // The text in pieces of 1 MiB: the engine reads each as it comes and never holds it whole.
    // A string goes in as it is (`push`, which has the browser write it into the engine's
    // memory as UTF-8); `pushBytes` is for bytes one already has (a file, a response body).
    load(csv) {
      const loader = new DatasetLoader(files.indicators, files.sources, csv.length);
      for (let start = 0; start < csv.length;) {
        let end = Math.min(csv.length, start + PIECE);
        // Never between the two halves of a surrogate pair.
        if (end < csv.length && (csv.charCodeAt(end - 1) & 0xfc00) === 0xd800) end += 1;
        loader.push(csv.slice(start, end));
        start = end;
      }
      return loader.finish();
    },
    // A file's bytes as they are, in pieces of 1 MiB (a piece may end inside a character: the
    // loader keeps the rest for the next).
    loadBytes(bytes) {
      const loader = new DatasetLoader(files.indicators, files.sources, bytes.length);
      for (let start = 0; start < bytes.length; start += PIECE) {
        loader.pushBytes(bytes.subarray(start, start + PIECE));
      }
      return loader.finish();
    },
    free: (dataset) => dataset?.free(),
    memory: () => Dataset.wasmMemoryBytes(),
    groupBy(dataset, { indicator }) {
      return dataset.aggregate({ indicator, groupBy: 'year' }).groups.map((g) => ({
        year: Number(g.key), mean: g.mean, min: g.min, max: g.max, count: g.count,
      }));
    },
    // The page's table's question: the comparison as columns of numbers and codes, provenance
    // fetched on demand by a figure's address. Timed with a pass over its values, as a table
    // drawing them makes; the keyed object the answers are checked in is built apart
    // (`common`), outside the timing.
    compare(dataset, { provinces, indicators }) {
      const dense = dataset.compareDense({ provinces, indicators, period: 'latest' });
      let figures = 0;
      for (const value of dense.values) if (!Number.isNaN(value)) figures += 1;
      return { dense, figures };
    },
    common: {
      compare({ dense }) {
        const out = {};
        const width = dense.indicators.length;
        dense.provinces.forEach((province, r) => {
          for (let c = 0; c < width; c += 1) {
            const value = dense.values[r * width + c];
            if (!Number.isNaN(value)) out[`${province}|${dense.indicators[c]}`] = value;
          }
        });
        return out;
      },
    },
    rank(dataset, { indicator, year }) {
      return dataset.rank({ indicator, period: year }).entries.map((e) => ({ province: e.province, value: e.figure.value, rank: e.rank }));
    },
  };
}
