// The map drawn for a width: the title, the provinces, the archipelagos, the legend (in the
// empty sea when it fits) and the attribution, and the spoken summary.
import { geoMercator, geoPath } from 'd3-geo';
import { mesh } from 'topojson-client';
import { FONT, PAPER, node, textWidth, wrap } from '../svg.js';
import { COAST, INK, LEGEND_SEA, MAX_MAP_HEIGHT, MUTED, NO_DATA } from './palette.js';

export function drawMap(model, geography, words, room, id) {
  const { provinces, classes, missing } = geography;
  // The projection: the whole country, islands included, as wide as the room and no taller than
  // MAX_MAP_HEIGHT; the image is as wide as the map, so that a download has no empty margin.
  const probe = geoMercator().fitWidth(1000, geography.collection);
  const [[, top], [, bottom]] = geoPath(probe).bounds(geography.collection);
  const aspect = (bottom - top) / 1000;
  const width = Math.min(room, Math.round(MAX_MAP_HEIGHT / aspect));
  const mapHeight = Math.round(width * aspect);
  const svg = node('svg', {
    class: 'ict-map-svg',
    width,
    role: 'group',
    'aria-label': summary(model, geography, words),
    'font-family': FONT,
    'font-size': 12,
    fill: INK,
  });
  svg.append(node('title', {}, model.title));
  const defs = node('defs');
  const hatch = node('pattern', { id: `${id}-nodata`, patternUnits: 'userSpaceOnUse', width: 5, height: 5, patternTransform: 'rotate(45)' });
  hatch.append(node('rect', { width: 5, height: 5, fill: NO_DATA.back }), node('line', { x1: 1, y1: 0, x2: 1, y2: 5, stroke: NO_DATA.line, 'stroke-width': 1.2 }));
  defs.append(hatch);
  svg.append(defs);
  const background = node('rect', { width, fill: PAPER });
  svg.append(background);

  // Title.
  let y = 0;
  for (const line of wrap(model.title, width - 4, 17, 700)) {
    y += 22;
    svg.append(node('text', { x: 0, y: y - 5, 'font-size': 17, 'font-weight': 700 }, line));
  }
  y += 8;

  // The legend: in the empty sea if it fits there, above the map otherwise.
  const fitted = (top) => geoMercator().fitExtent([[0, top], [width, top + mapHeight]], geography.collection);
  let projection = fitted(y);
  const sea = LEGEND_SEA.map((point) => projection(point));
  const seaWidth = sea[1][0] - sea[0][0];
  const seaHeight = sea[1][1] - sea[0][1];
  let legend = buildLegend(model, classes, missing.length > 0, id, Math.min(240, seaWidth - 12));
  let legendBox;
  if (legend.width + 8 <= seaWidth && legend.height + 4 <= seaHeight) {
    legendBox = [Math.round(Math.max(sea[0][0] + 8, width - legend.width - 4)), Math.round(sea[0][1] + 2)];
  } else {
    legend = buildLegend(model, classes, missing.length > 0, id, width - 4);
    legendBox = [0, y];
    y += legend.height + 12;
    projection = fitted(y);
  }
  const mapTop = y;
  const path = geoPath(projection).digits(1);

  const group = node('g', { class: 'ict-map-provinces' });
  for (const p of provinces) {
    const name = p.value ? `${p.name}: ${p.value.display}` : `${p.name}: ${model.noDataLabel}`;
    const shape = node('path', {
      d: path(p.feature),
      fill: p.colour ?? `url(#${id}-nodata)`,
      class: p.value ? 'province' : 'province no-data',
      'data-id': p.id,
      tabindex: 0,
      role: model.onSelect ? 'button' : 'img',
      'aria-label': name,
    });
    shape.append(node('title', {}, name));
    group.append(shape);
  }
  svg.append(group);
  svg.append(
    node('path', { d: path(mesh(geography.topology, geography.object, (a, b) => a !== b)), fill: 'none', stroke: PAPER, 'stroke-width': 0.8, 'stroke-linejoin': 'round', 'pointer-events': 'none' }),
    node('path', { d: path(mesh(geography.topology, geography.object, (a, b) => a === b)), fill: 'none', stroke: COAST, 'stroke-width': 0.6, 'stroke-linejoin': 'round', 'pointer-events': 'none' }),
    node('path', { class: 'ict-map-highlight', d: '', fill: 'none', stroke: INK, 'stroke-width': 2, 'stroke-linejoin': 'round', 'pointer-events': 'none' }),
  );
  // The reader's province, outlined (the engine names it), drawn over its neighbours' borders.
  const outlined = model.outlined ? provinces.find((p) => p.id === model.outlined) : null;
  if (outlined) {
    svg.append(node('path', { class: 'ict-map-outlined', 'data-id': outlined.id, d: path(outlined.feature), fill: 'none', stroke: INK, 'stroke-width': 2.5, 'stroke-linejoin': 'round', 'pointer-events': 'none' }));
  }

  // The archipelagos, named as Vietnamese maps name them.
  for (const island of geography.islands) {
    const [[west, south], [east, north]] = island.bounds;
    const [x, yTop] = projection([(west + east) / 2, north]);
    const [, yBottom] = projection([(west + east) / 2, south]);
    const label = island.north ? words.paracel : words.spratly;
    const size = width < 500 ? 10 : 11;
    const half = textWidth(label, size, 400, 'italic') / 2;
    const cx = Math.max(half + 2, Math.min(width - half - 2, x));
    svg.append(node('text', {
      x: Math.round(cx),
      y: Math.round(island.north ? yBottom + size + 6 : yTop - 7),
      'text-anchor': 'middle',
      'font-size': size,
      'font-style': 'italic',
      fill: MUTED,
      'pointer-events': 'none',
    }, label));
  }

  legend.group.setAttribute('transform', `translate(${legendBox[0]},${legendBox[1]})`);
  svg.append(legend.group);

  // Attribution, under the map (required by the boundaries' licence).
  y = mapTop + mapHeight + 10;
  for (const line of wrap(model.attribution, width - 4, 11, 400)) {
    y += 15;
    svg.append(node('text', { x: 0, y: y - 4, 'font-size': 11, fill: MUTED }, line));
  }
  y = Math.ceil(y + 4);
  svg.setAttribute('height', String(y));
  svg.setAttribute('viewBox', `0 0 ${width} ${y}`);
  background.setAttribute('height', String(y));
  return { svg, width, height: y, projection };
}

export function buildLegend(model, classes, anyMissing, id, maxWidth) {
  const group = node('g', { class: 'ict-map-legend', 'aria-hidden': 'true' });
  const size = 12;
  const row = 19;
  const titleLines = wrap(model.legendTitle, Math.max(120, maxWidth), size, 700);
  let y = 0;
  let width = 0;
  for (const line of titleLines) {
    y += 16;
    group.append(node('text', { x: 0, y: y - 4, 'font-size': size, 'font-weight': 700 }, line));
    width = Math.max(width, textWidth(line, size, 700));
  }
  y += 4;
  const entries = classes.map((c) => ({ fill: c.colour, label: c.label }));
  if (anyMissing) entries.push({ fill: `url(#${id}-nodata)`, label: model.noDataLabel });
  for (const entry of entries) {
    group.append(
      node('rect', { x: 0, y, width: 22, height: 13, fill: entry.fill, stroke: COAST, 'stroke-width': 0.6 }),
      node('text', { x: 29, y: y + 6.5, dy: '0.35em', 'font-size': size }, entry.label),
    );
    width = Math.max(width, 29 + textWidth(entry.label, size, 400));
    y += row;
  }
  return { group, width: Math.ceil(width), height: Math.ceil(y) };
}

export function summary(model, geography, words) {
  const withData = geography.provinces.filter((p) => p.value);
  // The engine's order: first first.
  const named = model.values.map((v) => `${model.names[v.id] ?? v.label} ${v.display}`);
  const list = named.length <= 8 ? named.join('; ') : `${named.slice(0, 5).join('; ')}; … ${named.slice(-2).join('; ')}`;
  return `${model.title}. ${model.legendTitle}. ${words.withData(withData.length, geography.provinces.length)}${list ? `: ${list}` : ''}.`;
}
