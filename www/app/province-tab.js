// The "my province" tab: one engine call (Dataset.provinceView) per reader's action, drawn by
// www/views/province.js, loaded on demand. A number opens its quotes, fetched by its ref.
import { openFigure } from './popovers.js';
import { conflictNotice } from '../views/conflicts.js';
import { renderOptions } from './chrome.js';
import { drawProvinceMap } from './province-map.js';

/** The province the view is about: the chosen one, else the first compared, else the first listed. */
function provinceOf(app) {
  const listed = app.catalog.provinces.filter((p) => p.id.startsWith(app.state.scheme));
  return app.state.province ?? app.state.provinces[0] ?? listed[0]?.id;
}

/** @param {import('../app.js').App} app */
export async function renderProvinceTab(app) {
  const token = app.renderToken;
  const { render } = await import('../views/province.js');
  const province = provinceOf(app);
  const view = app.views().provinceView({
    province,
    ...(app.state.focus ? { indicator: app.state.focus } : {}),
    period: app.state.period === 'latest' ? 'latest' : Number(app.state.period),
    scheme: app.state.scheme,
    // The engine refuses per capita for an indicator that does not add up; the focus it
    // answered last stands for "no focus chosen".
    perCapita: app.state.perCapita && app.perCapitaApplies([app.state.focus ?? app.provinceFocus]),
  });
  app.provinceFocus = view.indicator.id;
  const choices = app.catalog.provinces.filter((p) => p.id.startsWith(app.state.scheme)).map((p) => ({ id: p.id, name: p.name }));
  const container = document.createElement('div');
  container.className = 'province-view';
  render(container, {
    view,
    indicators: app.indicators,
    lang: app.state.lang,
    choices,
    onProvince: (id) => app.update({ province: id }),
    onYear: (year) => app.moveToYear(year),
    onFigure: (anchor, figure) => openFigure(app, anchor, figure, { focus: true }),
  });
  // The reader's figures beside published ones, listed by the engine, before the views.
  const notice = conflictNotice(view.conflicts, { indicators: app.indicators, sources: app.sources, lang: app.state.lang });
  if (notice) container.prepend(notice);
  app.panel.replaceChildren(container);
  // The per-capita option follows the focus the engine answered for.
  renderOptions(app);
  const slot = container.querySelector('.province-map');
  if (slot instanceof HTMLElement) await drawProvinceMap(app, slot, view, () => token === app.renderToken);
}
