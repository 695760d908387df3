// The benchmark page: every engine answers the same questions on the same synthetic data, timed
// here, and their answers are checked against each other. The runner (scripts/bench-browser.mjs)
// opens it in headless Chromium and reads `window.benchResults`.
//
//   ?mode=cold&engine=NAME              T0 only: import + instantiate one engine, in a fresh profile
//                                       (`ict-compare-page`, `ict-compare-views`: the page's own engines)
//   ?engines=a,b&sizes=1000,100000      T1–T4 for each engine and size
//
// T1 parse: CSV text already in memory → the engine's table. T2 group-by: one indicator → mean,
// min, max and count by year. T3 compare: 5 provinces × 20 indicators at their latest year.
// T4 rank: one indicator and year → provinces ranked, ties sharing a rank. Where a province has
// several rows for one indicator and year, the last in the file is its figure, in every engine.

// Each engine is its own bundle, imported only when measured, so that its import is part of its
// cold start and its bytes can be counted alone.
// `ict-compare-page` and `ict-compare-views` are the page's engines (the table's, and the views'
// that a page opening on another tab starts with), measured for their cold start only; each is
// compiled from its module while its script loads, as the page does.
const NAMES = ['ict-compare', 'ict-compare-page', 'ict-compare-views', 'plain-js', 'arquero', 'duckdb'];
const COMPILED_AHEAD = { 'ict-compare-page': 'ict_compare_bg.wasm', 'ict-compare-views': 'ict_compare_views_bg.wasm' };
const ENGINES = Object.fromEntries(NAMES.map((name) => [name, () => import(new URL(`./engines/${name}.js`, import.meta.url).href)]));

const params = new URLSearchParams(location.search);
/**
 * The console line that says the results are in `window.benchResults` (or the error in
 * `benchError`); scripts/bench-browser.mjs waits for it by the same words.
 */
const DONE = 'ict-compare-bench: done';
const log = (line) => {
  document.getElementById('log').textContent += `\n${line}`;
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The median time of `run`, over `repeats` samples after a first call, which is not one of
 * them. The page's clock is coarsened to 0.1 ms (no cross-origin isolation), so a sample
 * repeats a fast call until it lasts at least 10 ms, and is divided by its repetitions: a
 * sample shorter than that is not kept, and the repetitions are doubled. They are counted on
 * calls after the first, which can be much slower than the others (an engine's lazy work, code
 * not yet compiled): counted on it, a fast call was timed once a sample, to the clock's 0.1 ms.
 */
async function time(repeats, run) {
  const before = performance.now();
  let answer = await run();
  const first = performance.now() - before;
  let batch = 1;
  let runs = 1;
  const times = [];
  while (times.length < repeats) {
    const start = performance.now();
    for (let j = 0; j < batch; j++) answer = await run();
    const took = performance.now() - start;
    runs += batch;
    if (took < 10 && batch < 10_000) batch *= 2;
    else times.push(took / batch);
  }
  return { ms: median(times), first, runs, answer };
}

async function fetched(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response;
}

const text = async (url) => (await fetched(url)).text();
const bytesOf = async (url) => new Uint8Array(await (await fetched(url)).arrayBuffer());

/**
 * An engine's load from a file's bytes, as a page has them from `File.arrayBuffer()` or a
 * response: an engine that reads text decodes them first, as `File.text()` would.
 */
function loadBytes(engine, bytes) {
  return engine.loadBytes ? engine.loadBytes(bytes) : engine.load(new TextDecoder().decode(bytes));
}

/** The questions, the same for every engine; the ids exist in the synthetic data. */
const QUESTIONS = {
  groupBy: { indicator: 'ind_003' },
  compare: {
    provinces: ['p63:01', 'p63:79', 'p63:84', 'p63:44', 'p63:72'],
    indicators: Array.from({ length: 20 }, (_, i) => `ind_${String(i * 7).padStart(3, '0')}`),
  },
  rank: { indicator: 'ind_001', year: 2020 },
};

/** Whether two engines' answers agree, to a relative 1e-9. */
function agree(task, a, b) {
  const near = (x, y) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  if (task === 'groupBy') {
    return a.length === b.length && a.every((g, i) => g.year === b[i].year && g.count === b[i].count
      && near(g.mean, b[i].mean) && near(g.min, b[i].min) && near(g.max, b[i].max));
  }
  if (task === 'compare') {
    const keys = Object.keys(a).sort();
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && near(a[k], b[k]));
  }
  // rank: the same figure for every province, and each order non-increasing.
  const byProvince = (r) => Object.fromEntries(r.map((e) => [e.province, e.value]));
  const ordered = (r) => r.every((e, i) => i === 0 || r[i - 1].value >= e.value);
  const [pa, pb] = [byProvince(a), byProvince(b)];
  return ordered(a) && ordered(b) && Object.keys(pa).length === Object.keys(pb).length
    && Object.keys(pa).every((p) => near(pa[p], pb[p]));
}

async function cold(name) {
  const start = performance.now();
  const base = new URL('.', import.meta.url);
  const importing = ENGINES[name]();
  // The page's engine as the page loads it: its module asked for and compiled while its script
  // loads, as the element's script does (www/entry.js).
  const ahead = COMPILED_AHEAD[name] ? WebAssembly.compileStreaming(fetch(new URL(COMPILED_AHEAD[name], base))) : undefined;
  const module = await importing;
  const engine = await module.start(base, {}, ahead);
  const t0 = performance.now() - start;
  // For ict-compare, also what the page itself waits for: the bundled dataset parsed.
  const bundled = engine.bundled ? (engine.bundled(), performance.now() - start) : null;
  return { engine: name, t0, bundled };
}

async function warm(names, sizes) {
  const indicators = await text('../bench-data/indicators.csv');
  const sources = await text('../bench-data/sources.csv');
  const engines = {};
  for (const name of names) {
    const module = await ENGINES[name]();
    engines[name] = await module.start(new URL('.', import.meta.url), { indicators, sources });
  }
  const results = [];
  for (const size of sizes) {
    const bytes = await bytesOf(`../bench-data/observations-${size}.csv`);
    const csv = new TextDecoder().decode(bytes);
    // The same-run baselines: one pass over the CSV text, the least any parser must do, and
    // one over its bytes.
    const baseline = await time(5, () => {
      let lines = 0;
      for (let i = 0; i < csv.length; i++) if (csv.charCodeAt(i) === 10) lines++;
      return lines;
    });
    const bytesBaseline = await time(5, () => {
      let lines = 0;
      for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lines++;
      return lines;
    });
    const answers = {};
    for (const name of names) {
      const engine = engines[name];
      const repeats = size >= 1_000_000 ? 3 : 7;
      let table;
      const parse = await time(repeats, async () => {
        engine.free?.(table);
        table = await engine.load(csv);
        return null;
      });
      const fromBytes = await time(repeats, async () => {
        engine.free?.(table);
        table = await loadBytes(engine, bytes);
        return null;
      });
      const tasks = {};
      for (const [task, question] of Object.entries(QUESTIONS)) {
        tasks[task] = await time(size >= 1_000_000 ? 9 : 21, () => engine[task](table, question));
      }
      const memory = engine.memory?.(table) ?? null;
      // An engine whose answer has a shape of its own (ict-compare's dense comparison) says how
      // to read it as the checks' common shape; that reading is not part of its time.
      answers[name] = Object.fromEntries(Object.entries(tasks).map(([k, v]) => [k, engine.common?.[k]?.(v.answer) ?? v.answer]));
      results.push({
        engine: name,
        size,
        bytes: csv.length,
        baselineMs: baseline.ms,
        bytesBaselineMs: bytesBaseline.ms,
        parseMs: parse.ms,
        parseBytesMs: fromBytes.ms,
        groupByMs: tasks.groupBy.ms,
        compareMs: tasks.compare.ms,
        rankMs: tasks.rank.ms,
        // Each question's first answer after the load, which the medians leave out.
        firstMs: Object.fromEntries(Object.entries(tasks).map(([k, v]) => [k, v.first])),
        memoryBytes: memory,
      });
      log(`${name} ${size}: parse ${parse.ms.toFixed(1)} ms (from bytes ${fromBytes.ms.toFixed(1)}), group-by ${tasks.groupBy.ms.toFixed(3)}, compare ${tasks.compare.ms.toFixed(3)}, rank ${tasks.rank.ms.toFixed(3)}; first answers ${Object.entries(tasks).map(([k, v]) => `${k} ${v.first.toFixed(1)}`).join(', ')}`);
      engine.free?.(table);
    }
    // Every engine's answers against the first engine's.
    const [reference, ...others] = names;
    for (const name of others) {
      for (const task of Object.keys(QUESTIONS)) {
        const same = agree(task, answers[reference][task], answers[name][task]);
        results.find((r) => r.engine === name && r.size === size)[`${task}Agrees`] = same;
        if (!same) log(`DISAGREE ${name} vs ${reference} on ${task} at ${size}`);
      }
    }
  }
  return results;
}

async function main() {
  try {
    if (params.get('mode') === 'cold') {
      window.benchResults = await cold(params.get('engine'));
    } else {
      const names = (params.get('engines') ?? 'ict-compare').split(',');
      const sizes = (params.get('sizes') ?? '1000').split(',').map(Number);
      window.benchResults = await warm(names, sizes);
    }
  } catch (error) {
    log(`error: ${error.message}`);
    window.benchError = `${error.message}\n${error.stack}`;
  }
  // The runner waits for this line rather than asking the page: a question asked while an
  // engine starts would run the driver's own script on the page's thread, inside the time.
  console.log(DONE);
}

main();
