// Arquero: a column table from CSV text, answers as verbs. Arquero has no arg-max aggregate, so
// "the last row of each group" is an ordering by row, descending, then `dedupe`, which keeps
// each group's first row.
import * as aq from 'arquero';

const { op } = aq;

export async function start() {
  return {
    load: (csv) => aq.fromCSV(csv, { parse: { province: String, indicator_id: String, qualifier: String, source_id: String } })
      .derive({ row: () => op.row_number() }),
    groupBy(table, { indicator }) {
      return table.params({ indicator })
        .filter((d, $) => d.indicator_id === $.indicator)
        .orderby(aq.desc('row'))
        .dedupe('province', 'period')
        .groupby('period')
        .rollup({ mean: op.mean('value'), min: op.min('value'), max: op.max('value'), count: op.count() })
        .orderby('period')
        .objects()
        .map((g) => ({ year: g.period, mean: g.mean, min: g.min, max: g.max, count: g.count }));
    },
    compare(table, { provinces, indicators }) {
      const rows = table.params({ provinces, indicators })
        .filter((d, $) => op.includes($.provinces, d.province) && op.includes($.indicators, d.indicator_id))
        .orderby(aq.desc('period'), aq.desc('row'))
        .dedupe('province', 'indicator_id')
        .objects();
      return Object.fromEntries(rows.map((r) => [`${r.province}|${r.indicator_id}`, r.value]));
    },
    rank(table, { indicator, year }) {
      return table.params({ indicator, year })
        .filter((d, $) => d.indicator_id === $.indicator && d.period === $.year)
        .orderby(aq.desc('row'))
        .dedupe('province')
        .orderby(aq.desc('value'))
        .derive({ rank: () => op.rank() })
        .objects()
        .map((r) => ({ province: r.province, value: r.value, rank: r.rank }));
    },
  };
}
