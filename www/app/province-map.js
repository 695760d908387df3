// The map of "My province": the province view's map (the same indicator and year as its
// ranking, every province coloured by the engine's legend bins, the reader's province
// outlined), drawn once the rest of the view is on screen. Its code and boundaries load with
// it, never with the first view; the engine says when there is no map and why.
import { indicatorName } from '../i18n.js';
import { boundaries } from './boundaries.js';
import { mapModel, mapRefusal } from './map-parts.js';

/**
 * @param {import('../app.js').App} app
 * @param {HTMLElement} slot where the map goes
 * @param {import('../types/engine').ProvinceView} view
 * @param {() => boolean} current whether the view is still the one on screen
 */
export async function drawProvinceMap(app, slot, view, current) {
  const { map } = view;
  const indicator = app.indicators.get(view.indicator.id);
  const name = indicator ? indicatorName(indicator, app.state.lang) : view.indicator.id;
  if (map.refused) {
    slot.replaceChildren(mapRefusal(app, map, name));
    return;
  }
  const scheme = app.state.scheme;
  const [{ render }, topology] = await Promise.all([import('../views/map.js'), boundaries(app, scheme)]);
  if (!current()) return;
  render(slot, {
    ...mapModel(app, map, view.indicator, name, scheme),
    topology,
    title: map.year == null ? name : `${name} · ${map.year}`,
    outlined: map.outlined,
    onSelect: (id) => app.update({ province: id }),
  });
}
