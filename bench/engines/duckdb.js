// DuckDB-WASM: the CSV registered as a file and read into a table; answers in SQL.
import * as duckdb from '@duckdb/duckdb-wasm';

export async function start(base) {
  const url = (file) => new URL(`duckdb/${file}`, base).href;
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: url('duckdb-mvp.wasm'), mainWorker: url('duckdb-browser-mvp.worker.js') },
    eh: { mainModule: url('duckdb-eh.wasm'), mainWorker: url('duckdb-browser-eh.worker.js') },
  });
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule);
  const conn = await db.connect();
  const rows = async (sql, ...values) => {
    const statement = await conn.prepare(sql);
    const result = await statement.query(...values);
    await statement.close();
    return result.toArray().map((row) => row.toJSON());
  };
  let loads = 0;
  // The registered file read into a table, then dropped.
  const readInto = async (name) => {
    await conn.query(`CREATE OR REPLACE TABLE obs AS SELECT row_number() OVER () AS row, * FROM read_csv('${name}.csv', header = true,
      columns = {'province': 'VARCHAR', 'indicator_id': 'VARCHAR', 'period': 'INTEGER', 'value': 'DOUBLE', 'qualifier': 'VARCHAR', 'source_id': 'VARCHAR'})`);
    await db.dropFile(`${name}.csv`);
    return 'obs';
  };
  return {
    async load(csv) {
      const name = `obs${++loads}`;
      await db.registerFileText(`${name}.csv`, csv);
      return readInto(name);
    },
    // A file's bytes registered as they are (a copy: the worker takes the buffer it is given).
    async loadBytes(bytes) {
      const name = `obs${++loads}`;
      await db.registerFileBuffer(`${name}.csv`, bytes.slice());
      return readInto(name);
    },
    async groupBy(_, { indicator }) {
      const result = await rows(`WITH last AS (SELECT province, period, arg_max(value, row) AS v FROM obs WHERE indicator_id = ? GROUP BY province, period)
        SELECT period, avg(v) AS mean, min(v) AS min, max(v) AS max, count(*)::INTEGER AS count FROM last GROUP BY period ORDER BY period`, indicator);
      return result.map((g) => ({ year: g.period, mean: g.mean, min: g.min, max: g.max, count: g.count }));
    },
    async compare(_, { provinces, indicators }) {
      const list = (items) => items.map((i) => `'${i}'`).join(',');
      const result = await rows(`SELECT province, indicator_id, arg_max(value, period::BIGINT * 100000000 + row) AS v FROM obs
        WHERE province IN (${list(provinces)}) AND indicator_id IN (${list(indicators)}) GROUP BY province, indicator_id`);
      return Object.fromEntries(result.map((r) => [`${r.province}|${r.indicator_id}`, r.v]));
    },
    async rank(_, { indicator, year }) {
      const result = await rows(`WITH last AS (SELECT province, arg_max(value, row) AS value FROM obs WHERE indicator_id = ? AND period = ? GROUP BY province)
        SELECT province, value, (rank() OVER (ORDER BY value DESC))::INTEGER AS rank FROM last ORDER BY value DESC, province`, indicator, year);
      return result;
    },
  };
}
