// The provinces as the map draws them: their shapes, values and classes (five blues), their
// centres for the keyboard order, and the far island groups.
import { geoBounds, geoCentroid, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { formatNumber } from '../../format.js';
import { BLUES } from './palette.js';

export function prepare(model) {
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
export function classify(values, model) {
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
