// One indicator across provinces as horizontal bars, the values and marks beside them.
import { barX, plot, ruleX, text } from '@observablehq/plot';
import { formatPeriod } from '../../format.js';
import { PAPER, textWidth } from '../svg.js';
import { HUES, INK, MARKS, MUTED } from './palette.js';
import { adopt, span } from './plot-svg.js';
import { compose, heading, listed } from './figure.js';

export function drawBars(model, words, width, id) {
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
    const notes = marksOf(b).map((m) => noteWord(m, model.better, words));
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
    if (bars.some((b) => marksOf(b).includes(m))) keys.push({ symbol: MARKS[m].symbol, colour: MARKS[m].colour, text: noteWord(m, model.better, words) });
  }
  const summary = `${heading(model)}. ${words.provinces(bars.length)}: ${listed(bars.map((b) => `${b.label} ${valueText(b)}`))}`;
  return compose({ model, width, id, body: svg, keysBelow: keys, summary });
}

/** A mark's word; the best bar is the highest or the lowest by the indicator's direction. */
export function noteWord(mark, better, words) {
  if (mark === 'best') return better === 'lower' ? words.lowest : words.highest;
  return words[mark];
}
