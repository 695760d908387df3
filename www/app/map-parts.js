// What the map tab and "My province" share of the engine's map answer: the part of the map
// view's model that comes from it, and its refusal in the reader's words.
import { formatPeriod, formatValue, unitHeading } from '../format.js';
import { messages } from '../i18n.js';

/**
 * The map view's model from the engine's map, for the indicator `summary` (the answer's) named
 * `name`, in `scheme`'s provinces.
 * @param {import('../app.js').App} app
 * @param {import('../types/engine').MapView} map
 * @param {import('../types/engine').IndicatorSummary} summary
 * @param {string} name
 * @param {'p63'|'p34'} scheme
 */
export function mapModel(app, map, summary, name, scheme) {
  const { lang } = app.state;
  const t = messages(lang);
  const unit = summary.unit;
  const names = Object.fromEntries(app.catalog.provinces.filter((p) => p.id.startsWith(scheme)).map((p) => [p.id, p.name]));
  return {
    lang,
    scheme,
    legendTitle: unitHeading(unit, lang) || name,
    values: map.values.map((v) => ({
      id: v.province,
      label: names[v.province] ?? v.province,
      value: v.value,
      bin: v.bin,
      display: `${formatValue(v, unit, lang)} (${formatPeriod(v.period)})`,
    })),
    bins: map.bins,
    legendDecimals: map.legendDecimals,
    names,
    noDataLabel: t.noData,
    attribution: t.attribution,
  };
}

/** Why there is no map, as the engine says it, in the reader's words. */
export function mapRefusal(app, map, name) {
  const refusal = document.createElement('p');
  refusal.className = 'empty-state map-refused';
  refusal.setAttribute('role', 'status');
  refusal.dataset.reason = map.refused ?? '';
  refusal.textContent = map.refused ? messages(app.state.lang).mapRefused[map.refused](name) : '';
  return refusal;
}
