// The chart as a figure: its title, the keys above or below the drawing, the drawing, and the
// spoken summary. Nothing here knows whether it holds bars or lines.
import { FONT, PAPER, node, textWidth, wrap } from '../svg.js';
import { HUES, INK, MUTED } from './palette.js';

export function heading(model) {
  return model.unitLabel ? `${model.title} (${model.unitLabel})` : model.title;
}

/** "a; b; c … y; z" for a spoken summary of a long list. */
export function listed(items) {
  return items.length <= 8 ? items.join('; ') : `${items.slice(0, 5).join('; ')}; … ${items.slice(-2).join('; ')}`;
}

export function compose({ model, width, id, body, keysAbove = [], keysBelow = [], summary }) {
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
export function drawKeys(svg, keys, width, top, id) {
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
