// ict-compare through its JavaScript API, as the page uses it.
import init, { Dataset } from '../../pkg/ict_compare.js';

export async function start(base, files = {}) {
  await init({ module_or_path: new URL('ict_compare_bg.wasm', base) });
  return {
    bundled: () => Dataset.bundled().free(),
    load: (csv) => Dataset.fromCsv(csv, files.indicators, files.sources),
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
