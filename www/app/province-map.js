// The map of "My province": the province view's map (the same indicator and year as its
// ranking, every province coloured by the engine's legend bins, the reader's province
// outlined), drawn once the rest of the view is on screen. Its code and boundaries load with
// it, never with the first view; the engine says when there is no map and why.
import { formatPeriod, formatValue } from '../format.js';
import { indicatorName, messages } from '../i18n.js';
import { unitLabel } from '../views/table.js';
import { boundaries } from './boundaries.js';

/**
 * @param {import('../app.js').App} app
 * @param {HTMLElement} slot where the map goes
 * @param {import('../types/engine').ProvinceView} view
 * @param {() => boolean} current whether the view is still the one on screen
 */
export async function drawProvinceMap(app, slot, view, current) {
  const t = messages(app.state.lang);
  const lang = app.state.lang;
  const { map } = view;
  const indicator = app.indicators.get(view.indicator.id);
  const name = indicator ? indicatorName(indicator, lang) : view.indicator.id;
  if (map.refused) {
    const refusal = document.createElement('p');
    refusal.className = 'empty-state map-refused';
    refusal.dataset.reason = map.refused;
    refusal.textContent = t.mapRefused[map.refused](name);
    slot.replaceChildren(refusal);
    return;
  }
  const scheme = app.state.scheme;
  const [{ render }, topology] = await Promise.all([import('../views/map.js'), boundaries(app, scheme)]);
  if (!current()) return;
  const names = Object.fromEntries(app.catalog.provinces.filter((p) => p.id.startsWith(scheme)).map((p) => [p.id, p.name]));
  const unit = view.indicator.unit;
  render(slot, {
    lang,
    scheme,
    topology,
    title: map.year == null ? name : `${name} · ${map.year}`,
    legendTitle: unitLabel(unit, indicator, lang) || name,
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
    outlined: map.outlined,
    noDataLabel: t.noData,
    attribution: t.attribution,
    onSelect: (id) => app.update({ province: id }),
  });
}
