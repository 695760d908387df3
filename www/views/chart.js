// The chart tab: one indicator across provinces as horizontal bars, or provinces over time as
// lines, drawn as SVG with Observable Plot. The view draws what the app hands it and computes
// nothing the engine computes. It is loaded with import() when the tab opens.
//
// Content-Security-Policy: Plot always appends a <style> element to the SVG it makes. The element
// is taken out before the SVG is connected to the page, so no inline style ever reaches a page
// served with `style-src 'self'`; the few rules it held are in chart.css. Everything else is
// drawn with presentation attributes (fill, font-family…), never style attributes, so the same
// SVG can be downloaded on its own.
import { axisX, axisY, barX, dot, gridY, lineY, plot, ruleX, ruleY, text } from '@observablehq/plot';
import { formatPeriod } from '../format.js';
import { FONT, PAPER, downloads, node, redrawOnResize, textWidth, wrap } from './svg.js';

const INK = '#1b2230';
const MUTED = '#505a6b';
const RULE = '#d5dae3';
// Bars: reported figures in blue, the reader's own in purple; approximate values and bounds
// ("over", "about"…) hatched in the same hue. Every text colour is at least 4.5:1 on white.
const HUES = {
  report: { solid: '#2f6db5', light: '#dce8f5' },
  user: { solid: '#6a2c91', light: '#ece0f3' },
};
// Lines: ten hues, each at least 4.5:1 on white, so a line's colour is also readable as text.
const LINE_COLOURS = ['#1f5fa8', '#c05600', '#1e7b34', '#b3261e', '#6a3d9a', '#00766c', '#a3246b', '#6b6b00', '#5c5c5c', '#8c564b'];
// The marks the table uses too.
const MARKS = { best: { symbol: '★', colour: '#7a4b00' }, derived: { symbol: '†', colour: INK }, user: { symbol: '◆', colour: '#6a2c91' } };

const WORDS = {
  vi: {
    province: 'Tỉnh, thành phố',
    value: 'Giá trị',
    period: 'Thời điểm',
    notes: 'Ghi chú',
    approximate: 'Gần đúng hoặc ngưỡng (trên, khoảng, gần…)',
    exact: 'Số chính xác',
    highest: 'Cao nhất (chắc chắn)',
    lowest: 'Thấp nhất (chắc chắn)',
    derived: 'Số suy ra',
    user: 'Số liệu của bạn',
    provinces: (n) => `${n} tỉnh, thành phố`,
    table: 'Số liệu của biểu đồ',
  },
  en: {
    province: 'Province',
    value: 'Value',
    period: 'Period',
    notes: 'Notes',
    approximate: 'Approximate or a bound (over, about, nearly…)',
    exact: 'Exact figure',
    highest: 'Highest (certain)',
    lowest: 'Lowest (certain)',
    derived: 'Derived',
    user: 'Your data',
    provinces: (n) => (n === 1 ? '1 province' : `${n} provinces`),
    table: 'Figures of the chart',
  },
};

let serial = 0;

/**
 * Draws the chart into `container` and keeps it as wide as the container.
 * @param {HTMLElement} container
 * @param {{kind: 'bars'|'lines', lang: 'vi'|'en', title: string, unitLabel: string,
 *          bars?: {id: string, label: string, value: number, qualifier: string, period: string,
 *                  derived: boolean, best: boolean, user: boolean}[],
 *          lines?: {id: string, label: string, points: {period: string, value: number, qualifier: string}[]}[],
 *          formatValue: (value: number, qualifier: string) => string,
 *          onSelect?: (id: string) => void, caption?: () => string[]}} model
 * @returns {{svg(): string, png(scale?: number): Promise<Blob>}}
 */
export function render(container, model) {
  const words = WORDS[model.lang] ?? WORDS.vi;
  const figure = document.createElement('figure');
  figure.className = model.onSelect ? 'ict-chart selectable' : 'ict-chart';
  const holder = document.createElement('div');
  holder.className = 'ict-chart-plot';
  // The table sits in a clipping box: a table ignores `width`, and a long one hidden only by
  // `.visually-hidden` would still widen the page on a phone.
  const data = document.createElement('div');
  data.className = 'ict-chart-data';
  data.append(dataTable(model, words));
  figure.append(holder, data);
  container.replaceChildren(figure);

  const id = `ict-chart-${++serial}`;
  const view = { svg: null, width: 0, height: 0 };
  const draw = () => {
    const width = Math.max(280, Math.floor(holder.clientWidth || container.clientWidth || 640));
    if (width === view.width && view.svg) return;
    const drawn = model.kind === 'lines' ? drawLines(model, words, width, id) : drawBars(model, words, width, id);
    holder.replaceChildren(drawn.svg);
    Object.assign(view, drawn, { width });
  };
  draw();

  if (model.onSelect) {
    holder.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target.closest('[data-id]') : null;
      if (target) model.onSelect(target.getAttribute('data-id'));
    });
  }
  redrawOnResize(container, figure, holder, draw);

  return downloads(view, { caption: model.caption });
}

// ---- bars ------------------------------------------------------------------------------------

function drawBars(model, words, width, id) {
  const bars = model.bars ?? [];
  const periods = new Set(bars.map((b) => b.period));
  const showPeriods = periods.size > 1;
  const label = (b) => b.label;
  const valueText = (b) => model.formatValue(b.value, b.qualifier);
  const marksOf = (b) => [b.best && 'best', b.derived && 'derived', b.user && 'user'].filter(Boolean);
  const labelWidth = Math.max(0, ...bars.map((b) => textWidth(label(b), 13, 400)));
  const tailWidth = (b) =>
    textWidth(valueText(b), 13, 600) +
    marksOf(b).reduce((sum, m) => sum + textWidth(` ${MARKS[m].symbol}`, 13, 600), 0) +
    (showPeriods ? textWidth(`  ${formatPeriod(b.period)}`, 12, 400) : 0);
  const valueWidth = Math.max(0, ...bars.map(tailWidth));
  const wide = width >= 520 && labelWidth <= width * 0.34;
  const row = wide ? 30 : 44;
  const marginLeft = wide ? Math.ceil(labelWidth) + 12 : 2;
  const marginRight = Math.ceil(valueWidth) + 14;
  const hi = Math.max(0, ...bars.map((b) => b.value)) || 1;
  // A negative value's label goes left of its bar: the scale starts early enough to hold it.
  const lowest = Math.min(0, ...bars.map((b) => b.value));
  const room = width - marginLeft - marginRight;
  const negativeWidth = lowest < 0 ? Math.max(...bars.filter((b) => b.value < 0).map(tailWidth)) + 10 : 0;
  const lo = lowest < 0 ? (lowest - (negativeWidth * hi) / room) / (1 - negativeWidth / room) : 0;
  const hatch = (hue) => `url(#${id}-hatch-${hue})`;
  const hue = (b) => (b.user ? 'user' : 'report');
  const approximate = (b) => b.qualifier !== 'exact';
  const tooltip = (b) => {
    const notes = marksOf(b).map((m) => noteWord(m, bars, words));
    return `${b.label}: ${valueText(b)} (${formatPeriod(b.period)})${notes.length ? ` – ${notes.join(', ')}` : ''}`;
  };
  const bandTop = wide ? 5 : 20;
  const bandBottom = wide ? 5 : 8;
  const barMiddle = (bandTop + (row - bandBottom)) / 2 - row / 2;

  const chart = plot({
    width,
    height: bars.length * row + 8,
    marginTop: 4,
    marginBottom: 4,
    marginLeft,
    marginRight,
    x: { domain: [lo, hi], axis: null },
    y: { domain: bars.map((b) => b.id), axis: null, padding: 0 },
    color: { type: 'identity' },
    marks: [
      barX(bars, { y: 'id', x1: () => lo, x2: () => hi, fill: PAPER, fillOpacity: 0, className: 'ict-hit', title: tooltip }),
      barX(bars, {
        y: 'id',
        x1: () => 0,
        x2: 'value',
        insetTop: bandTop,
        insetBottom: bandBottom,
        fill: (b) => (approximate(b) ? hatch(hue(b)) : HUES[hue(b)].solid),
        stroke: (b) => HUES[hue(b)].solid,
        strokeWidth: 1,
        className: 'ict-bars',
        title: tooltip,
      }),
      // The zero line; on a phone the names stand above the bars, where it would cross them.
      ...(wide || lowest < 0 ? [ruleX([0], { stroke: INK, strokeWidth: 1 })] : []),
      text(bars, {
        y: 'id',
        text: label,
        frameAnchor: 'left',
        textAnchor: wide ? 'end' : 'start',
        dx: wide ? -8 : 0,
        dy: wide ? 0 : bandTop / 2 + 1 - row / 2,
        fontSize: 13,
        fill: INK,
        className: 'ict-labels',
      }),
      text(bars, {
        y: 'id',
        x: 'value',
        text: valueText,
        textAnchor: 'start',
        dx: 6,
        dy: barMiddle,
        fontSize: 13,
        fontWeight: 600,
        fill: INK,
        className: 'ict-values',
      }),
    ],
  });
  const svg = adopt(chart);
  // Rich labels: the marks in their colours and the period in grey after the value.
  const values = svg.querySelectorAll('g.ict-values text');
  if (values.length === bars.length) {
    bars.forEach((b, i) => {
      for (const m of marksOf(b)) values[i].append(span(` ${MARKS[m].symbol}`, { fill: MARKS[m].colour }));
      if (showPeriods) values[i].append(span(`  ${formatPeriod(b.period)}`, { fill: MUTED, 'font-weight': 400, 'font-size': 12 }));
      if (b.value < 0) {
        values[i].setAttribute('text-anchor', 'end');
        values[i].setAttribute('x', Number(values[i].getAttribute('x')) - 12);
      }
    });
  }
  for (const selector of ['g.ict-hit rect', 'g.ict-bars rect', 'g.ict-labels text', 'g.ict-values text']) {
    const nodes = svg.querySelectorAll(selector);
    if (nodes.length === bars.length) nodes.forEach((n, i) => n.setAttribute('data-id', bars[i].id));
  }

  const keys = [];
  if (bars.some(approximate)) keys.push({ swatch: 'hatch', hue: 'report', text: words.approximate });
  for (const m of ['best', 'derived', 'user']) {
    if (bars.some((b) => marksOf(b).includes(m))) keys.push({ symbol: MARKS[m].symbol, colour: MARKS[m].colour, text: noteWord(m, bars, words) });
  }
  const summary = `${heading(model)}. ${words.provinces(bars.length)}: ${listed(bars.map((b) => `${b.label} ${valueText(b)}`))}`;
  return compose({ model, width, id, body: svg, keysBelow: keys, summary });
}

function noteWord(mark, bars, words) {
  if (mark === 'best') {
    const best = bars.find((b) => b.best);
    const highest = best && best.value >= Math.max(...bars.map((b) => b.value));
    return highest ? words.highest : words.lowest;
  }
  return words[mark];
}

// ---- lines -----------------------------------------------------------------------------------

function drawLines(model, words, width, id) {
  const lines = (model.lines ?? []).filter((l) => l.points.length);
  const colourOf = new Map(lines.map((l, i) => [l.id, LINE_COLOURS[i % LINE_COLOURS.length]]));
  const points = lines.flatMap((l) =>
    l.points.map((p) => ({ id: l.id, label: l.label, colour: colourOf.get(l.id), date: periodDate(p.period), ...p })),
  );
  const periods = [...new Map(points.map((p) => [p.date.getTime(), p.period])).entries()].sort((a, b) => a[0] - b[0]);
  const periodOf = new Map(periods);
  const valueText = (p) => model.formatValue(p.value, p.qualifier);
  const tooltip = (p) => `${p.label}, ${formatPeriod(p.period)}: ${valueText(p)}`;
  const single = lines.length === 1 && points.length <= 12;
  const nonNegative = points.every((p) => p.value >= 0);
  const height = Math.round(Math.min(420, Math.max(240, width * 0.5)));
  // The first point stands clear of the value labels over the grid lines, the last one of the
  // right edge with its label.
  const extreme = points.reduce((a, p) => (Math.abs(p.value) > Math.abs(a) ? p.value : a), 0);
  const halfLabel = single ? Math.ceil(Math.max(...points.map((p) => textWidth(valueText(p), 12, 600))) / 2) : 4;
  const insetLeft = Math.ceil(textWidth(model.formatValue(extreme, 'exact'), 12, 400)) + halfLabel + 14;
  const insetRight = halfLabel + 10;
  const yTicks = Math.max(3, Math.round(height / 70));
  const dense = points.length / Math.max(1, lines.length) > 8;
  // Period labels under the axis, as many as fit without touching, the first and last always.
  const [t0, t1] = [periods[0]?.[0] ?? 0, periods.at(-1)?.[0] ?? 1];
  const at = (t) => insetLeft + (t1 === t0 ? 0.5 : (t - t0) / (t1 - t0)) * (width - 22 - insetLeft - insetRight);
  const half = (t) => textWidth(formatPeriod(periodOf.get(t)), 12, 400) / 2 + 6;
  const kept = [];
  for (const [t] of periods) {
    if (!kept.length || at(t) - half(t) >= at(kept.at(-1)) + half(kept.at(-1))) kept.push(t);
    else if (t === t1 && kept.length > 1) kept[kept.length - 1] = t;
  }
  const ticks = kept.map((t) => new Date(t));

  const chart = plot({
    width,
    height,
    marginTop: single ? 26 : 18,
    marginRight: 20,
    marginBottom: 30,
    marginLeft: 2,
    x: { type: 'utc', domain: [t0, t1].map((t) => new Date(t)), insetLeft, insetRight, axis: null },
    y: { nice: yTicks, zero: nonNegative, axis: null },
    color: { type: 'identity' },
    marks: [
      gridY({ ticks: yTicks, stroke: RULE, strokeOpacity: 1 }),
      ...(nonNegative ? [ruleY([0], { stroke: INK })] : []),
      axisY({
        anchor: 'left',
        ticks: yTicks,
        tickSize: 0,
        tickPadding: 0,
        textAnchor: 'start',
        dx: 6,
        dy: -7,
        fontSize: 12,
        fill: MUTED,
        label: null,
        tickFormat: (v) => model.formatValue(v, 'exact'),
      }),
      axisX({ ticks, tickFormat: (d) => formatPeriod(periodOf.get(d.getTime()) ?? String(d.getUTCFullYear())), fontSize: 12, fill: MUTED, label: null, stroke: INK }),
      lineY(points, { x: 'date', y: 'value', z: 'id', stroke: 'colour', strokeWidth: 2.5, className: 'ict-lines' }),
      dot(points, {
        x: 'date',
        y: 'value',
        r: dense ? 2.5 : 4,
        stroke: 'colour',
        strokeWidth: 2,
        fill: (p) => (p.qualifier === 'exact' ? p.colour : PAPER),
        title: tooltip,
        className: 'ict-dots',
      }),
      ...(single ? [text(points, { x: 'date', y: 'value', text: valueText, dy: -13, fontSize: 12, fontWeight: 600, fill: INK })] : []),
    ],
  });
  const svg = adopt(chart);
  const dots = svg.querySelectorAll('g.ict-dots circle');
  if (dots.length === points.length) dots.forEach((n, i) => n.setAttribute('data-id', points[i].id));
  svg.querySelectorAll('g.ict-lines path').forEach((path) => {
    const line = lines.find((l) => colourOf.get(l.id) === path.getAttribute('stroke'));
    if (line) path.setAttribute('data-id', line.id);
  });

  const keysAbove = lines.map((l) => ({ swatch: 'line', colour: colourOf.get(l.id), text: l.label, id: l.id }));
  const keysBelow = points.some((p) => p.qualifier !== 'exact')
    ? [{ swatch: 'dot', filled: true, text: words.exact }, { swatch: 'dot', filled: false, text: words.approximate }]
    : [];
  const summary = `${heading(model)}. ${lines
    .map((l) => `${l.label}: ${l.points.map((p) => `${formatPeriod(p.period)} ${valueText(p)}`).join(', ')}`)
    .join('; ')}`;
  return compose({ model, width, id, body: svg, keysAbove, keysBelow, summary });
}

/** '2016' → 1 Jan 2016, '2023-01' → 1 Jan 2023, '2023-01-13' → 13 Jan 2023 (UTC). */
function periodDate(period) {
  const [year, month = '1', day = '1'] = String(period).split('-');
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

// ---- the figure: title, keys, chart, notes ---------------------------------------------------

function heading(model) {
  return model.unitLabel ? `${model.title} (${model.unitLabel})` : model.title;
}

/** "a; b; c … y; z" for a spoken summary of a long list. */
function listed(items) {
  return items.length <= 8 ? items.join('; ') : `${items.slice(0, 5).join('; ')}; … ${items.slice(-2).join('; ')}`;
}

function compose({ model, width, id, body, keysAbove = [], keysBelow = [], summary }) {
  const svg = node('svg', {
    class: 'ict-chart-svg',
    width,
    role: 'img',
    'aria-label': summary,
    'font-family': FONT,
    'font-size': 13,
    fill: INK,
  });
  svg.append(node('title', {}, heading(model)));
  const defs = node('defs');
  for (const [hue, colours] of Object.entries(HUES)) {
    const pattern = node('pattern', { id: `${id}-hatch-${hue}`, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' });
    pattern.append(node('rect', { width: 6, height: 6, fill: colours.light }), node('line', { x1: 1.5, y1: 0, x2: 1.5, y2: 6, stroke: colours.solid, 'stroke-width': 2 }));
    defs.append(pattern);
  }
  svg.append(defs);
  const background = node('rect', { width, fill: PAPER });
  svg.append(background);

  let y = 0;
  for (const line of wrap(heading(model), width - 4, 17, 700)) {
    y += 22;
    svg.append(node('text', { x: 0, y: y - 5, 'font-size': 17, 'font-weight': 700, fill: INK }, line));
  }
  y += 6;
  if (keysAbove.length) y = drawKeys(svg, keysAbove, width, y, id) + 4;
  body.setAttribute('x', 0);
  body.setAttribute('y', y);
  svg.append(body);
  y += Number(body.getAttribute('height'));
  if (keysBelow.length) y = drawKeys(svg, keysBelow, width, y + 6, id);
  y = Math.ceil(y + 4);
  svg.setAttribute('height', String(y));
  svg.setAttribute('viewBox', `0 0 ${width} ${y}`);
  background.setAttribute('height', String(y));
  return { svg, height: y };
}

/** A row of keys that wraps at the width; returns the y below it. */
function drawKeys(svg, keys, width, top, id) {
  const size = 12;
  const lineHeight = 20;
  let x = 0;
  let y = top + lineHeight / 2;
  for (const key of keys) {
    const glyph = key.symbol ? textWidth(key.symbol, size, 700) + 5 : 24;
    const item = glyph + textWidth(key.text, size, 400) + 16;
    if (x > 0 && x + item > width) {
      x = 0;
      y += lineHeight;
    }
    const group = node('g', { transform: `translate(${x},${y})`, ...(key.id ? { 'data-id': key.id, class: 'ict-key' } : {}) });
    if (key.swatch === 'hatch') {
      group.append(node('rect', { x: 0, y: -6, width: 18, height: 12, fill: `url(#${id}-hatch-${key.hue})`, stroke: HUES[key.hue].solid }));
    } else if (key.swatch === 'line') {
      group.append(
        node('line', { x1: 0, x2: 18, y1: 0, y2: 0, stroke: key.colour, 'stroke-width': 2.5 }),
        node('circle', { cx: 9, cy: 0, r: 3.5, fill: key.colour }),
      );
    } else if (key.swatch === 'dot') {
      group.append(node('circle', { cx: 9, cy: 0, r: 4, fill: key.filled ? MUTED : PAPER, stroke: MUTED, 'stroke-width': 2 }));
    } else {
      group.append(node('text', { x: 0, y: 0, dy: '0.35em', 'font-size': size, 'font-weight': 700, fill: key.colour }, key.symbol));
    }
    group.append(node('text', { x: glyph, y: 0, dy: '0.35em', 'font-size': size, fill: key.swatch === 'line' ? INK : MUTED }, key.text));
    svg.append(group);
    x += item;
  }
  return y + lineHeight / 2;
}

// ---- the text alternative --------------------------------------------------------------------

function dataTable(model, words) {
  const table = document.createElement('table');
  table.className = 'visually-hidden ict-chart-table';
  const caption = document.createElement('caption');
  caption.textContent = `${words.table}: ${heading(model)}`;
  table.append(caption);
  const header = table.createTHead().insertRow();
  const lines = model.kind === 'lines';
  const columns = lines ? [words.province, words.period, words.value] : [words.province, words.value, words.period, words.notes];
  for (const name of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    header.append(th);
  }
  const body = table.createTBody();
  const provinceCell = (tr, id, label) => {
    const th = document.createElement('th');
    th.scope = 'row';
    if (model.onSelect) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.addEventListener('click', () => model.onSelect(id));
      th.append(button);
    } else {
      th.textContent = label;
    }
    tr.append(th);
  };
  const cell = (tr, text) => {
    tr.insertCell().textContent = text;
  };
  if (lines) {
    for (const line of model.lines ?? []) {
      for (const p of line.points) {
        const tr = body.insertRow();
        provinceCell(tr, line.id, line.label);
        cell(tr, formatPeriod(p.period));
        cell(tr, model.formatValue(p.value, p.qualifier));
      }
    }
  } else {
    const bars = model.bars ?? [];
    for (const b of bars) {
      const tr = body.insertRow();
      provinceCell(tr, b.id, b.label);
      cell(tr, model.formatValue(b.value, b.qualifier));
      cell(tr, formatPeriod(b.period));
      cell(tr, [b.best && noteWord('best', bars, words), b.derived && words.derived, b.user && words.user].filter(Boolean).join('; '));
    }
  }
  return table;
}

// ---- chart-only SVG helpers ------------------------------------------------------------------

function span(content, attributes) {
  return node('tspan', attributes, content);
}

/**
 * Plot's SVG without the <style> element Plot always adds (a strict CSP refuses it), and
 * without the labels Plot puts on its groups ("rule", "bar"): ARIA forbids a label on an
 * element with no role, and the chart is described once, as a whole, with its data table.
 */
function adopt(chart) {
  for (const style of chart.querySelectorAll('style')) style.remove();
  for (const group of chart.querySelectorAll('[aria-label]:not([role])')) group.removeAttribute('aria-label');
  chart.removeAttribute('class');
  return chart;
}
