// ict-compare through its JavaScript API, as the page uses it.
import init, { Dataset, DatasetLoader } from '../../pkg/ict_compare.js';

const PIECE = 1 << 20;

export async function start(base, files = {}) {
  await init({ module_or_path: new URL('ict_compare_bg.wasm', base) });
  return {
    bundled: () => Dataset.bundled().free(),
    // The text in pieces of 1 MiB: the engine reads each as it comes and never holds it whole.
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
    free: (dataset) => dataset?.free(),
    memory: () => Dataset.wasmMemoryBytes(),
    groupBy(dataset, { indicator }) {
      return dataset.aggregate({ indicator, groupBy: 'year' }).groups.map((g) => ({
        year: Number(g.key), mean: g.mean, min: g.min, max: g.max, count: g.count,
      }));
    },
    compare(dataset, { provinces, indicators }) {
      const matrix = dataset.compare({ provinces, indicators, period: 'latest' });
      const out = {};
      matrix.rows.forEach((row) => row.cells.forEach((cell, c) => {
        if (cell && cell.value != null) out[`${row.province}|${matrix.columns[c].indicator}`] = cell.value;
      }));
      return out;
    },
    rank(dataset, { indicator, year }) {
      return dataset.rank({ indicator, period: year }).entries.map((e) => ({ province: e.province, value: e.figure.value, rank: e.rank }));
    },
  };
}
