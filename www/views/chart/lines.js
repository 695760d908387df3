// Provinces over time as lines, one hue each, hollow points for approximate values, a dashed
// rule at the year the timeline chose (the year the map shows), and at each change of method
// the lines cross (the engine's `breaks`) a named rule, the segments the engine says reach a
// point across one dotted: figures on either side of one are not like for like.
import { axisX, axisY, dot, gridY, lineY, plot, ruleX, ruleY, text } from '@observablehq/plot';
import { formatPeriod } from '../../format.js';
import { PAPER, textWidth } from '../svg.js';
import { INK, LINE_COLOURS, MUTED, RULE } from './palette.js';
import { adopt } from './plot-svg.js';
import { compose, heading } from './figure.js';

export function drawLines(model, words, width, id) {
  const lines = (model.lines ?? []).filter((l) => l.points.length);
  const colourOf = new Map(lines.map((l, i) => [l.id, LINE_COLOURS[i % LINE_COLOURS.length]]));
  const points = lines.flatMap((l) =>
    l.points.map((p) => ({ id: l.id, label: l.label, colour: colourOf.get(l.id), date: periodDate(p.period), ...p })),
  );
  // The engine's periods of the lines, oldest first: the time axis.
  const periods = model.periods.map((p) => [periodDate(p).getTime(), p]);
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
  const yearDate = model.year == null ? null : periodDate(String(model.year));
  const yearShown = yearDate != null && yearDate.getTime() >= t0 && yearDate.getTime() <= t1;
  // Each change of method midway between the last period before it and its first year.
  const breaks = (model.breaks ?? []).map(({ year }) => {
    const first = periodDate(String(year)).getTime();
    const before = periods.filter(([t]) => t < first).at(-1)?.[0] ?? first;
    const x = (before + first) / 2;
    const room = width - 22 - insetRight - at(x);
    return { year, date: new Date(x), anchor: textWidth(words.methodChanged, 11, 400) + 6 <= room ? 'start' : 'end' };
  });
  // The lines drawn a segment at a time, those the engine says reach a point across a change
  // of method apart.
  const segments = lines.flatMap((l) => l.points.slice(1).map((to, i) =>
    [l.points[i], to].map((p) => ({ key: `${l.id} ${i}`, colour: colourOf.get(l.id), date: periodDate(p.period), value: p.value, across: to.acrossBreak })),
  ));
  const within = segments.filter(([from]) => !from.across).flat();
  const across = segments.filter(([from]) => from.across).flat();

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
      // The year the timeline chose, which the map shows too.
      ...(yearShown ? [ruleX([yearDate], { stroke: MUTED, strokeWidth: 1.5, strokeDasharray: '4 3', className: 'ict-year' })] : []),
      ...breaks.flatMap((mark) => [
        ruleX([mark.date], { stroke: MUTED, strokeWidth: 1.5, strokeDasharray: '5 4', className: 'ict-break' }),
        text([mark.date], { x: (d) => d, frameAnchor: 'top', dy: 4, dx: mark.anchor === 'start' ? 4 : -4, textAnchor: mark.anchor, text: () => words.methodChanged, fontSize: 11, fill: MUTED }),
      ]),
      lineY(within, { x: 'date', y: 'value', z: 'key', stroke: 'colour', strokeWidth: 2.5, className: 'ict-lines' }),
      lineY(across, { x: 'date', y: 'value', z: 'key', stroke: 'colour', strokeWidth: 2, strokeDasharray: '1 5', strokeLinecap: 'round', className: 'ict-across' }),
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
  if (yearShown) svg.querySelector('g.ict-year')?.setAttribute('data-year', String(model.year));
  svg.querySelectorAll('g.ict-break').forEach((n, i) => n.setAttribute('data-year', String(breaks[i]?.year)));
  const dots = svg.querySelectorAll('g.ict-dots circle');
  if (dots.length === points.length) dots.forEach((n, i) => n.setAttribute('data-id', points[i].id));
  svg.querySelectorAll('g.ict-lines path, g.ict-across path').forEach((path) => {
    const line = lines.find((l) => colourOf.get(l.id) === path.getAttribute('stroke'));
    if (line) path.setAttribute('data-id', line.id);
  });

  const keysAbove = lines.map((l) => ({ swatch: 'line', colour: colourOf.get(l.id), text: l.label, id: l.id }));
  const keysBelow = points.some((p) => p.qualifier !== 'exact')
    ? [{ swatch: 'dot', filled: true, text: words.exact }, { swatch: 'dot', filled: false, text: words.approximate }]
    : [];
  const summary = [
    heading(model),
    lines.map((l) => `${l.label}: ${l.points.map((p) => `${formatPeriod(p.period)} ${valueText(p)}`).join(', ')}`).join('; '),
    ...breaks.map((mark) => `${words.methodChanged} ${mark.year}`),
  ].join('. ');
  return compose({ model, width, id, body: svg, keysAbove, keysBelow, summary });
}

/** '2016' → 1 Jan 2016, '2023-01' → 1 Jan 2023, '2023-01-13' → 13 Jan 2023 (UTC). */
export function periodDate(period) {
  const [year, month = '1', day = '1'] = String(period).split('-');
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}
