// The map tab: a choropleth of Vietnam's provinces from the TopoJSON boundaries (Open Development
// Mekong, CC BY-SA 4.0), projected with d3-geo. It colours what the app hands it and computes
// nothing the engine computes. It is loaded with import() when the tab opens.
//
// Content-Security-Policy: everything is drawn with presentation attributes (fill, stroke,
// font-family…), never style attributes or <style> elements; the tooltip is placed through the
// CSSOM (element.style.transform), which `style-src 'self'` allows. Layout rules are in map.css.
import { geoBounds, geoCentroid, geoMercator, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import { formatNumber } from '../format.js';
import { FONT, PAPER, downloads, node, redrawOnResize, textWidth, wrap } from './svg.js';

const INK = '#1b2230';
const MUTED = '#505a6b';
const COAST = '#7d8797';
// Five sequential blues, light to dark; fewer classes take an even spread of them.
const BLUES = ['#dbe9f6', '#a6cbe8', '#6aa6d6', '#2f74b5', '#0b4a8b'];
const NO_DATA = { back: '#f2f2f2', line: '#bcbcbc' };
// The sea north-east of the mainland (the Gulf of Tonkin east of Quảng Ninh and Hải Phòng) is
// empty on this map: the legend goes there when it fits.
// The map is at most this tall, so that it fits a laptop's screen.
const MAX_MAP_HEIGHT = 640;
const LEGEND_SEA = [[108.8, 23.4], [116.9, 17.5]];

const WORDS = {
  vi: {
    province: 'Tỉnh, thành phố',
    value: 'Giá trị',
    table: 'Số liệu của bản đồ',
    withData: (n, total) => `${n}/${total} tỉnh, thành phố có số liệu`,
    paracel: 'Quần đảo Hoàng Sa',
    spratly: 'Quần đảo Trường Sa',
  },
  en: {
    province: 'Province',
    value: 'Value',
    table: 'Figures of the map',
    withData: (n, total) => `${n} of ${total} provinces have data`,
    paracel: 'Hoàng Sa archipelago',
    spratly: 'Trường Sa archipelago',
  },
};

let serial = 0;

/**
 * Draws the map into `container` and keeps it as wide as the container.
 * @param {HTMLElement} container
 * @param {{lang: 'vi'|'en', scheme: 'p63'|'p34', topology: any, title: string, legendTitle: string,
 *          values: {id: string, label: string, value: number, display: string}[],
 *          names: Record<string, string>, mode: 'indicator'|'rank',
 *          noDataLabel: string, attribution: string, onSelect?: (id: string) => void,
 *          caption?: () => string[]}} model
 * @returns {{svg(): string, png(scale?: number): Promise<Blob>}}
 */
export function render(container, model) {
  const words = WORDS[model.lang] ?? WORDS.vi;
  const geography = prepare(model);
  const figure = document.createElement('figure');
  figure.className = 'ict-map';
  const frame = document.createElement('div');
  frame.className = 'ict-map-frame';
  const tip = document.createElement('div');
  tip.className = 'ict-map-tip';
  tip.setAttribute('aria-hidden', 'true');
  tip.hidden = true;
  // The table sits in a clipping box: a table ignores `width`, and a long one hidden only by
  // `.visually-hidden` would still widen the page on a phone.
  const data = document.createElement('div');
  data.className = 'ict-map-data';
  data.append(dataTable(model, geography, words));
  figure.append(frame, data);
  container.replaceChildren(figure);

  const id = `ict-map-${++serial}`;
  // `room` is the container's width the map was drawn for; `width` and `height` are the image's.
  const view = { svg: null, room: 0, width: 0, height: 0 };
  const draw = () => {
    const room = Math.max(280, Math.floor(frame.clientWidth || container.clientWidth || 640));
    if (room === view.room && view.svg) return;
    const drawn = drawMap(model, geography, words, room, id);
    frame.replaceChildren(drawn.svg, tip);
    tip.hidden = true;
    Object.assign(view, drawn, { room });
  };
  draw();
  interact(frame, tip, view, model, geography);

  redrawOnResize(container, figure, frame, draw);

  // A download leaves out the hover outline and the keyboard and legend attributes.
  return downloads(view, { drop: '.ict-map-highlight', pageOnly: ['tabindex', 'role', 'aria-hidden'], caption: model.caption });
}

// ---- data and classes ------------------------------------------------------------------------

function prepare(model) {
  const object = Object.values(model.topology.objects)[0];
  const collection = feature(model.topology, object);
  const byId = new Map(model.values.filter((v) => Number.isFinite(v.value)).map((v) => [v.id, v]));
  const classes = classify([...byId.values()], model);
  const classOf = new Map();
  for (const [index, group] of classes.entries()) for (const v of group.members) classOf.set(v.id, index);
  const provinces = collection.features
    .map((f) => {
      const id = `${model.scheme}:${f.properties.code}`;
      const value = byId.get(id) ?? null;
      const name = model.names[id] ?? value?.label ?? f.properties.name;
      const centre = geoCentroid(mainland(f));
      return { id, feature: f, name, value, colour: value ? classes[classOf.get(id)].colour : null, centre };
    })
    // Keyboard order: north to south, then west to east.
    .sort((a, b) => b.centre[1] - a.centre[1] || a.centre[0] - b.centre[0]);
  return {
    topology: model.topology,
    object,
    collection,
    provinces,
    classes,
    missing: provinces.filter((p) => !p.value),
    islands: islandGroups(provinces),
  };
}

/**
 * Five classes. With many values (and for ranks) each class holds about as many values
 * (quantiles), so that a few high values cannot wash out the rest; with fewer than ten, the
 * classes are equal steps between the lowest and highest value, so that two nearly equal values
 * never look far apart. Ranks (lower is better) get the dark end for rank 1.
 */
function classify(values, model) {
  const distinct = [...new Set(values.map((v) => v.value))].sort((a, b) => a - b);
  if (!distinct.length) return [];
  const [low, high] = [distinct[0], distinct.at(-1)];
  const format = (n, digits = 2) => formatNumber(n, model.lang, digits);
  const quantiles = model.mode === 'rank' || distinct.length >= 10;
  const count = low === high ? 1 : quantiles ? Math.min(BLUES.length, distinct.length) : BLUES.length;
  const spread = Array.from({ length: count }, (_, i) => BLUES[count === 1 ? BLUES.length - 1 : Math.round((i * (BLUES.length - 1)) / (count - 1))]);
  const colours = model.mode === 'rank' ? spread.reverse() : spread;
  const classes = colours.map((colour) => ({ colour, members: [], min: Infinity, max: -Infinity, label: '' }));
  const step = (high - low) / count;
  const rankOf = new Map(distinct.map((value, j) => [value, j]));
  const classIndex = (value) => {
    if (count === 1) return 0;
    if (quantiles) return Math.floor((rankOf.get(value) * count) / distinct.length);
    return Math.min(count - 1, Math.floor((value - low) / step));
  };
  for (const v of values) {
    const group = classes[classIndex(v.value)];
    group.members.push(v);
    group.min = Math.min(group.min, v.value);
    group.max = Math.max(group.max, v.value);
  }
  if (quantiles || count === 1) {
    for (const group of classes) group.label = group.min === group.max ? format(group.min) : `${format(group.min)}–${format(group.max)}`;
  } else {
    // Inner bounds rounded to the step's precision; the outer ones are the values themselves.
    const digits = step >= 10 ? 0 : step >= 1 ? 1 : 2;
    classes.forEach((group, i) => {
      const from = i === 0 ? format(low) : format(low + i * step, digits);
      const to = i === count - 1 ? format(high) : format(low + (i + 1) * step, digits);
      group.label = `${from}–${to}`;
    });
  }
  return classes;
}

/** The largest polygon of a feature, so that far islands do not pull its centre out to sea. */
function mainland(f) {
  if (f.geometry.type !== 'MultiPolygon') return f;
  const path = geoPath();
  let best = null;
  let bestArea = -1;
  for (const coordinates of f.geometry.coordinates) {
    const polygon = { type: 'Polygon', coordinates };
    const area = path.area(polygon);
    if (area > bestArea) [best, bestArea] = [polygon, area];
  }
  return best;
}

/** The Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa) island groups: the polygons east of 110.5°E. */
function islandGroups(provinces) {
  const groups = [];
  for (const p of provinces) {
    if (p.feature.geometry.type !== 'MultiPolygon') continue;
    const far = p.feature.geometry.coordinates.filter((polygon) => geoCentroid({ type: 'Polygon', coordinates: polygon })[0] > 110.5);
    if (!far.length) continue;
    const bounds = geoBounds({ type: 'MultiPolygon', coordinates: far });
    groups.push({ bounds, north: bounds[1][1] > 14 });
  }
  return groups;
}

// ---- drawing ---------------------------------------------------------------------------------

function drawMap(model, geography, words, room, id) {
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

function buildLegend(model, classes, anyMissing, id, maxWidth) {
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

function summary(model, geography, words) {
  const withData = geography.provinces.filter((p) => p.value);
  const sorted = [...withData].sort((a, b) => (model.mode === 'rank' ? a.value.value - b.value.value : b.value.value - a.value.value));
  const named = sorted.map((p) => `${p.name} ${p.value.display}`);
  const list = named.length <= 8 ? named.join('; ') : `${named.slice(0, 5).join('; ')}; … ${named.slice(-2).join('; ')}`;
  return `${model.title}. ${model.legendTitle}. ${words.withData(withData.length, geography.provinces.length)}${list ? `: ${list}` : ''}.`;
}

// ---- pointer and keyboard --------------------------------------------------------------------

function interact(frame, tip, view, model, geography) {
  const byId = new Map(geography.provinces.map((p) => [p.id, p]));
  const target = (event) => (event.target instanceof Element ? event.target.closest('path.province') : null);
  const show = (shape, x, y) => {
    const province = byId.get(shape.getAttribute('data-id'));
    view.svg.querySelector('.ict-map-highlight')?.setAttribute('d', shape.getAttribute('d'));
    tip.replaceChildren();
    const name = document.createElement('strong');
    name.textContent = province.name;
    const value = document.createElement('span');
    value.textContent = province.value ? province.value.display : model.noDataLabel;
    tip.append(name, value);
    tip.hidden = false;
    // Keep the tip inside the frame: left of the point on the right half, above it near the bottom.
    const box = frame.getBoundingClientRect();
    const left = x > box.width / 2 ? x - tip.offsetWidth - 12 : x + 12;
    const top = y > box.height - tip.offsetHeight - 24 ? y - tip.offsetHeight - 12 : y + 12;
    tip.style.transform = `translate(${Math.max(0, Math.round(left))}px, ${Math.max(0, Math.round(top))}px)`;
  };
  const hide = () => {
    tip.hidden = true;
    view.svg.querySelector('.ict-map-highlight')?.setAttribute('d', '');
  };
  const scale = () => {
    const box = view.svg.getBoundingClientRect();
    return box.width ? box.width / view.width : 1;
  };
  frame.addEventListener('pointermove', (event) => {
    const shape = target(event);
    if (!shape) return hide();
    const box = frame.getBoundingClientRect();
    show(shape, event.clientX - box.left, event.clientY - box.top);
  });
  frame.addEventListener('pointerleave', hide);
  frame.addEventListener('focusin', (event) => {
    const shape = target(event);
    if (!shape) return;
    const province = byId.get(shape.getAttribute('data-id'));
    const [x, y] = view.projection(province.centre);
    show(shape, x * scale(), y * scale());
  });
  frame.addEventListener('focusout', hide);
  if (!model.onSelect) return;
  frame.addEventListener('click', (event) => {
    const shape = target(event);
    if (shape) model.onSelect(shape.getAttribute('data-id'));
  });
  frame.addEventListener('keydown', (event) => {
    const shape = target(event);
    if (!shape || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    model.onSelect(shape.getAttribute('data-id'));
  });
}

// ---- the text alternative --------------------------------------------------------------------

function dataTable(model, geography, words) {
  const table = document.createElement('table');
  table.className = 'visually-hidden ict-map-table';
  const caption = document.createElement('caption');
  caption.textContent = `${words.table}: ${model.title}`;
  table.append(caption);
  const header = table.createTHead().insertRow();
  for (const name of [words.province, model.legendTitle || words.value]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    header.append(th);
  }
  const body = table.createTBody();
  const rows = model.values.filter((v) => Number.isFinite(v.value));
  rows.sort((a, b) => (model.mode === 'rank' ? a.value - b.value : b.value - a.value));
  for (const v of rows) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = model.names[v.id] ?? v.label;
    tr.append(th);
    tr.insertCell().textContent = v.display;
  }
  if (geography.missing.length) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = model.noDataLabel;
    tr.append(th);
    tr.insertCell().textContent = geography.missing.map((p) => p.name).join(', ');
  }
  return table;
}
