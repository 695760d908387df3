// The provinces as the map draws them: their shapes, values and the engine's legend bins, their
// centres for the keyboard order, and the far island groups.
import { geoBounds, geoCentroid, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { formatNumber } from '../../format.js';
import { BLUES, BLUES_SIX } from './palette.js';

export function prepare(model) {
  const object = Object.values(model.topology.objects)[0];
  const collection = feature(model.topology, object);
  const byId = new Map(model.values.map((v) => [v.id, v]));
  const classes = classesOf(model);
  const provinces = collection.features
    .map((f) => {
      const id = `${model.scheme}:${f.properties.code}`;
      const value = byId.get(id) ?? null;
      const name = model.names[id] ?? value?.label ?? f.properties.name;
      const centre = geoCentroid(mainland(f));
      return { id, feature: f, name, value, colour: value ? classes[value.bin]?.colour ?? null : null, centre };
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
 * The legend's classes: the engine's bins (lowest first), each a blue, the highest darkest,
 * labelled with its edges written with the engine's decimals.
 */
export function classesOf(model) {
  const count = model.bins.length;
  const blues = count > BLUES.length ? BLUES_SIX : BLUES;
  const colours = Array.from({ length: count }, (_, i) => blues[count === 1 ? blues.length - 1 : Math.round((i * (blues.length - 1)) / (count - 1))]);
  const format = (n) => formatNumber(n, model.lang, model.legendDecimals);
  return model.bins.map((bin, i) => ({
    colour: colours[i],
    label: bin.from === bin.to ? format(bin.from) : `${format(bin.from)}–${format(bin.to)}`,
  }));
}

/** The largest polygon of a feature, so that far islands do not pull its centre out to sea. */
export function mainland(f) {
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
export function islandGroups(provinces) {
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
