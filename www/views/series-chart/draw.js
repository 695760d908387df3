// The lines over the years drawn as SVG for one width: the value grid with its labels on the
// left, the years below, one line per series (the province's emphasised), a dashed rule where
// the engine says the method changed, with the segment that crosses it dotted, and each line's
// name at its right end, moved apart so that no two names overlap.
import { FONT, PAPER, node, textWidth, wrap } from '../svg.js';
import { layoutLabels, niceScale, spacedYears } from './layout.js';

const INK = '#1b2230';
const MUTED = '#505a6b';
const RULE = '#d5dae3';
// The province, its region and the country; each at least 4.5:1 on white, since the end labels
// are written in them.
const STYLE = {
  province: { colour: '#1f5fa8', width: 3, radius: 4.5, weight: 700 },
  regional: { colour: '#b34d00', width: 2, radius: 3.5, weight: 400 },
  national: { colour: '#505a6b', width: 2, radius: 3.5, weight: 400 },
};
const LABEL_SIZE = 12;
const LABEL_LEADING = 14;

/**
 * @param {{lines: {kind: 'province'|'regional'|'national', label: string,
 *                  points: {year: number, value: number|null, qualifier: string, text: string, acrossBreak: boolean}[]}[],
 *          breaks: {year: number}[], title: string, summary: string, breakLabel: string,
 *          tick: (value: number) => string}} model
 * @param {number} width
 * @returns {{svg: SVGSVGElement, width: number, height: number}}
 */
export function drawSeries(model, width) {
  const height = Math.round(Math.min(340, Math.max(230, width * 0.5)));
  const svg = /** @type {SVGSVGElement} */ (node('svg', {
    class: 'series-chart-svg', width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'img', 'aria-label': model.summary, 'font-family': FONT, 'font-size': 12, fill: INK,
  }));
  svg.append(node('title', {}, model.title), node('rect', { width, height, fill: PAPER }));

  const values = model.lines.flatMap((l) => l.points.map((p) => p.value)).filter((v) => v != null);
  const years = [...new Set(model.lines.flatMap((l) => l.points.filter((p) => p.value != null).map((p) => p.year)))].sort((a, b) => a - b);
  // From zero when nothing is negative, as the chart tab draws: a cut axis would make a small
  // difference look large.
  const scale = niceScale(Math.min(0, ...values), Math.max(...values), Math.max(3, Math.round(height / 70)));

  // The names at the right end take at most a third of a narrow drawing, wrapped to fit.
  const labelRoom = Math.min(Math.max(...model.lines.map((l) => textWidth(l.label, LABEL_SIZE, 700))), Math.max(90, width * 0.3));
  const labels = model.lines.map((line) => wrap(line.label, labelRoom, LABEL_SIZE, STYLE[line.kind].weight));
  const labelWidth = Math.ceil(Math.max(...labels.map((lines, i) => Math.max(...lines.map((t) => textWidth(t, LABEL_SIZE, STYLE[model.lines[i].kind].weight)))))) + 4;
  const top = 14;
  const bottom = height - 26;
  // The values' labels stand left of the grid, clear of the lines.
  const left = Math.ceil(Math.max(...scale.ticks.map((value) => textWidth(model.tick(value), 12, 400)))) + 8;
  const right = width - labelWidth - 14;
  const firstYear = years[0] ?? 0;
  const lastYear = years.at(-1) ?? 0;
  const x = (year) => (lastYear === firstYear ? right - 24 : left + 20 + ((year - firstYear) / (lastYear - firstYear)) * (right - left - 28));
  const y = (value) => bottom - ((value - scale.min) / (scale.max - scale.min || 1)) * (bottom - top);

  // The grid, each value written at the left end of its line.
  const grid = node('g', { class: 'series-grid', 'aria-hidden': 'true' });
  for (const value of scale.ticks) {
    grid.append(node('line', { x1: left, x2: right, y1: y(value), y2: y(value), stroke: value === 0 ? INK : RULE }));
    grid.append(node('text', { x: left - 6, y: y(value), 'text-anchor': 'end', 'dominant-baseline': 'central', fill: MUTED }, model.tick(value)));
  }
  // The years under the axis, as many as fit, the first and last always.
  for (const year of spacedYears(years, x, (year) => textWidth(String(year), 12, 400) + 10)) {
    grid.append(node('text', { x: x(year), y: height - 8, 'text-anchor': 'middle', fill: MUTED }, String(year)));
  }
  svg.append(grid);

  // The method's breaks: a dashed rule between the last year of the old method and the first of
  // the new one, named at its top.
  for (const mark of model.breaks) {
    const before = years.filter((year) => year < mark.year).at(-1);
    const at = before == null ? x(mark.year) - 10 : (x(before) + x(mark.year)) / 2;
    const group = node('g', { class: 'series-break', 'data-year': mark.year });
    group.append(node('line', { x1: at, x2: at, y1: top - 6, y2: bottom, stroke: MUTED, 'stroke-width': 1.5, 'stroke-dasharray': '5 4' }));
    const room = right - at;
    const anchor = textWidth(model.breakLabel, 11, 400) + 6 <= room ? 'start' : 'end';
    group.append(node('text', { x: anchor === 'start' ? at + 4 : at - 4, y: bottom - 6, 'text-anchor': anchor, 'font-size': 11, fill: MUTED }, model.breakLabel));
    svg.append(group);
  }

  // The lines: the province last, so it is drawn over the averages.
  const ends = [];
  const order = [...model.lines.keys()].sort((a, b) => Number(model.lines[a].kind === 'province') - Number(model.lines[b].kind === 'province'));
  for (const index of order) {
    const line = model.lines[index];
    const style = STYLE[line.kind];
    const group = node('g', { class: `series-line ${line.kind}` });
    const shown = line.points.filter((p) => p.value != null);
    // A year without a value breaks the line; a segment across a change of method is dotted.
    line.points.forEach((point, i) => {
      const next = line.points[i + 1];
      if (point.value == null || next == null || next.value == null) return;
      const crosses = next.acrossBreak;
      group.append(node('line', {
        x1: x(point.year), y1: y(point.value), x2: x(next.year), y2: y(next.value),
        stroke: style.colour, 'stroke-width': crosses ? style.width - 0.5 : style.width, 'stroke-linecap': 'round',
        ...(crosses ? { 'stroke-dasharray': '1 5', class: 'crosses-break' } : {}),
      }));
    });
    for (const point of shown) {
      const dot = node('circle', {
        cx: x(point.year), cy: y(point.value), r: style.radius,
        fill: point.qualifier === 'exact' ? style.colour : PAPER, stroke: style.colour, 'stroke-width': 2,
      });
      dot.append(node('title', {}, `${line.label}, ${point.year}: ${point.text}`));
      group.append(dot);
    }
    svg.append(group);
    const last = shown.at(-1);
    if (last) ends.push({ index, line, at: [x(last.year), y(last.value)] });
  }

  // Each line's name at the right, level with its last point, moved apart where they would meet.
  const placed = layoutLabels(ends.map((end) => ({ target: end.at[1], height: labels[end.index].length * LABEL_LEADING })), top - 6, height - 4);
  ends.forEach((end, i) => {
    const style = STYLE[end.line.kind];
    const middle = placed[i];
    const lines = labels[end.index];
    const group = node('g', { class: `series-end ${end.line.kind}` });
    if (Math.abs(middle - end.at[1]) > 2 || end.at[0] < right - 1) {
      group.append(node('line', { x1: end.at[0] + style.radius + 2, y1: end.at[1], x2: right + 6, y2: middle, stroke: style.colour, 'stroke-width': 1 }));
    }
    const text = node('text', { x: right + 10, y: middle - ((lines.length - 1) * LABEL_LEADING) / 2, 'font-weight': style.weight, fill: style.colour, 'dominant-baseline': 'central' });
    lines.forEach((content, j) => text.append(node('tspan', { x: right + 10, dy: j === 0 ? 0 : LABEL_LEADING }, content)));
    group.append(text);
    svg.append(group);
  });
  return { svg, width, height };
}
