// The plain-JavaScript baseline: d3-dsv to parse, loops to answer.
import { csvParse } from 'd3-dsv';

export async function start() {
  return {
    load: (csv) => csvParse(csv, (d, i) => ({
      province: d.province, indicator: d.indicator_id, year: +d.period, value: +d.value, row: i,
    })),
    groupBy(rows, { indicator }) {
      const last = new Map();
      for (const r of rows) if (r.indicator === indicator) last.set(`${r.province}|${r.year}`, r);
      const years = new Map();
      for (const r of last.values()) {
        const g = years.get(r.year) ?? { year: r.year, sum: 0, min: Infinity, max: -Infinity, count: 0 };
        g.sum += r.value; g.min = Math.min(g.min, r.value); g.max = Math.max(g.max, r.value); g.count++;
        years.set(r.year, g);
      }
      return [...years.values()].sort((a, b) => a.year - b.year)
        .map((g) => ({ year: g.year, mean: g.sum / g.count, min: g.min, max: g.max, count: g.count }));
    },
    compare(rows, { provinces, indicators }) {
      const wanted = new Set(indicators);
      const places = new Set(provinces);
      const best = new Map();
      for (const r of rows) {
        if (!places.has(r.province) || !wanted.has(r.indicator)) continue;
        const key = `${r.province}|${r.indicator}`;
        const seen = best.get(key);
        if (!seen || r.year >= seen.year) best.set(key, r);
      }
      return Object.fromEntries([...best].map(([k, r]) => [k, r.value]));
    },
    rank(rows, { indicator, year }) {
      const last = new Map();
      for (const r of rows) if (r.indicator === indicator && r.year === year) last.set(r.province, r.value);
      const sorted = [...last].map(([province, value]) => ({ province, value })).sort((a, b) => b.value - a.value);
      sorted.forEach((e, i) => { e.rank = i > 0 && sorted[i - 1].value === e.value ? sorted[i - 1].rank : i + 1; });
      return sorted;
    },
  };
}
