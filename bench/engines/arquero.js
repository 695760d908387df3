// Arquero: a column table from CSV text, answers as verbs.
import * as aq from 'arquero';

const { op } = aq;

export async function start() {
  return {
    load: (csv) => aq.fromCSV(csv, { parse: { province: String, indicator_id: String, qualifier: String, source_id: String } })
      .derive({ row: () => op.row_number() }),
    groupBy(table, { indicator }) {
      return table.params({ indicator })
        .filter((d, $) => d.indicator_id === $.indicator)
        .groupby('province', 'period')
        .rollup({ v: op.argmax('value', 'row') })
        .groupby('period')
        .rollup({ mean: op.mean('v'), min: op.min('v'), max: op.max('v'), count: op.count() })
        .orderby('period')
        .objects()
        .map((g) => ({ year: g.period, mean: g.mean, min: g.min, max: g.max, count: g.count }));
    },
    compare(table, { provinces, indicators }) {
      const rows = table.params({ provinces, indicators })
        .filter((d, $) => op.includes($.provinces, d.province) && op.includes($.indicators, d.indicator_id))
        .derive({ order: (d) => d.period * 1e8 + d.row })
        .groupby('province', 'indicator_id')
        .rollup({ v: op.argmax('value', 'order') })
        .objects();
      return Object.fromEntries(rows.map((r) => [`${r.province}|${r.indicator_id}`, r.v]));
    },
    rank(table, { indicator, year }) {
      return table.params({ indicator, year })
        .filter((d, $) => d.indicator_id === $.indicator && d.period === $.year)
        .groupby('province')
        .rollup({ value: op.argmax('value', 'row') })
        .orderby(aq.desc('value'))
        .derive({ rank: () => op.min_rank() })
        .objects();
    },
  };
}
