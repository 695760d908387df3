// The chart and map tabs, loaded on demand with their boundaries, and their image
// downloads.
// Each function takes the App (www/app.js) whose frame it draws.
import { offer } from '../download.js';
import { formatValue, unitHeading } from '../format.js';
import { indicatorName, messages } from '../i18n.js';
import { mineWords } from '../i18n/mine.js';
import { warningList } from '../views/table.js';
import { emptyNote } from './tabs.js';
import { renderOptions } from './chrome.js';
import { boundaries } from './boundaries.js';
import { mapModel, mapRefusal } from './map-parts.js';
import { BASE } from '../base.js';
import { shareUrl } from '../share.js';

/**
 * Keeps the indicator the engine chose to draw, so that the options around the tab (per 100 000
 * people) follow the engine's choice rather than a guess of it.
 * @param {string | undefined} focus
 */
function answered(app, focus) {
  app.graphicsFocus = focus ?? null;
  renderOptions(app);
}

/** The picker of the indicator drawn, among those chosen; `focus` is the engine's choice. */
export function focusSelect(app, focus) {
  const t = messages(app.state.lang);
  const label = document.createElement('label');
  label.className = 'focus';
  label.textContent = `${t.indicator} `;
  const select = document.createElement('select');
  select.name = 'focus';
  for (const id of app.state.indicators) {
    select.append(new Option(indicatorName(app.indicators.get(id), app.state.lang), id, false, id === focus));
  }
  select.addEventListener('change', () => app.update({ focus: select.value }));
  label.append(select);
  return label;
}

/**
 * The chart tab: one engine call, then drawing. The engine is asked the table's choice and the
 * focus; it picks the indicator drawn (the focus, or the first chosen with figures) and the year.
 * @param {import('../app.js').App} app
 */
export async function renderChartTab(app) {
  const t = messages(app.state.lang);
  const token = (app.renderToken = Symbol('chart'));
  /** @type {import('../types/engine').ChartView} */
  const view = app.views().chartView(app.compareSpec(), app.state.focus);
  answered(app, view.indicator?.id);
  if (view.refused === 'noIndicator' || !view.indicator) {
    app.panel.replaceChildren(Object.assign(document.createElement('p'), { textContent: t.chartNeedsIndicator }));
    return;
  }
  const { id: focus, unit } = view.indicator;
  const indicator = app.indicators.get(focus);
  const timeline = await focusTimeline(app, view.timeline);
  if (token !== app.renderToken) return;
  if (view.refused) {
    // Nothing to draw for this year: say so, and offer no image of an empty chart.
    app.panel.replaceChildren(focusSelect(app, focus), timeline, emptyNote(app));
    return;
  }
  const container = document.createElement('div');
  container.className = 'chart-container';
  const warnings = warningList(view.warnings, app.indicators, app.state.lang);
  app.panel.replaceChildren(focusSelect(app, focus), timeline, ...(warnings ? [warnings] : []), container);
  const { render } = await import('../views/chart.js');
  if (token !== app.renderToken) return;
  const title = indicatorName(indicator, app.state.lang);
  app.currentImage = render(container, {
    // "Latest" is each province's own latest year here (the warnings say when they differ).
    caption: () => sourceLine(app),
    kind: view.kind,
    lang: app.state.lang,
    title,
    unitLabel: unitHeading(unit, app.state.lang),
    bars: view.bars.map((b) => ({ ...b, ...b.figure, id: b.province, label: b.name })),
    lines: view.lines.map((l) => ({ id: l.province, label: l.name, points: l.points.map((p) => ({ ...p.figure, acrossBreak: p.acrossBreak })) })),
    periods: view.periods,
    breaks: view.breaks,
    year: view.year,
    better: view.indicator.better,
    formatValue: (value, qualifier) => formatValue({ value, qualifier }, unit, app.state.lang),
    onSelect: (id) => app.update({ tab: 'profile', province: id }),
  });
  app.currentImageName = `ict-compare-${focus}`;
  offerImage(app);
}

/**
 * The timeline of "My province", shared by the chart and the map: one year for the whole view
 * (the address's `period`), so that the one follows the other. `years` are the engine's.
 * @param {number[]} years oldest first @param {number|null} [latestShown] the year shown for `latest`
 */
async function focusTimeline(app, years, latestShown = null) {
  const { timeline } = await import('../views/province-parts.js');
  return timeline(years, app.state.period, app.state.lang, (year) => app.moveToYear(year), latestShown);
}

/** The image's downloads, offered only once there is an image: never for a refused map or an empty chart. */
function offerImage(app) {
  const t = messages(app.state.lang);
  app.imageDownloads?.replaceChildren(...[['svg', t.downloadSvg], ['png', t.downloadPng]].map(([kind, text]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.dataset.action = kind;
    button.addEventListener('click', () => downloadImage(app, kind));
    return button;
  }));
}

/**
 * The map tab: one engine call, then drawing, or the engine's reason for no map.
 * @param {import('../app.js').App} app
 */
export async function renderMapTab(app) {
  const lang = app.state.lang;
  const token = (app.renderToken = Symbol('map'));
  /** @type {import('../types/engine').MapTabView} */
  const view = app.views().mapView(app.compareSpec(), app.state.focus);
  answered(app, view.indicator?.id);
  const { map } = view;
  const indicator = view.indicator ? app.indicators.get(view.indicator.id) : null;
  const name = indicator ? indicatorName(indicator, lang) : '';
  const parts = [];
  if (app.state.indicators.length) parts.push(focusSelect(app, view.indicator?.id));
  // The same timeline as "My province" and the chart: the map follows the year. It stays when
  // the map is refused, so that another year can be mapped from here.
  const timeline = view.timeline.length ? await focusTimeline(app, view.timeline, view.latest) : null;
  if (token !== app.renderToken) return;
  if (timeline) parts.push(timeline);
  if (map.refused) {
    app.panel.replaceChildren(...parts, mapRefusal(app, map, name));
    return;
  }
  const container = document.createElement('div');
  container.className = 'map-container';
  const [{ render }, topology] = await Promise.all([import('../views/map.js'), boundaries(app, view.scheme)]);
  if (token !== app.renderToken) return;
  app.panel.replaceChildren(...parts, container);
  app.currentImage = render(container, {
    ...mapModel(app, map, view.indicator, name, view.scheme),
    caption: () => sourceLine(app, map.year),
    topology,
    title: name,
    onSelect: (id) => app.update({ tab: 'profile', province: id }),
  });
  app.currentImageName = `ict-compare-map-${view.indicator.id}`;
  offerImage(app);
}

export async function downloadImage(app, kind) {
  if (!app.currentImage) return;
  if (kind === 'svg') {
    offer(new Blob([app.currentImage.svg()], { type: 'image/svg+xml' }), `${app.currentImageName}.svg`, app.frame);
  } else {
    offer(await app.currentImage.png(2), `${app.currentImageName}.png`, app.frame);
  }
}

/**
 * The source line of a downloaded chart or map: the year shown, the warnings on screen, the
 * sources (report, publisher, table) and the page's address, so that the image speaks for itself.
 * @param {number | null} [drawn] the one year drawn, where the view draws one (the map)
 */
export function sourceLine(app, drawn) {
  const t = messages(app.state.lang);
  // The year the engine drew ("latest" resolved), else the one asked.
  const year = drawn ?? (app.state.period === 'latest' ? mineWords(app.state.lang).latest : app.state.period);
  const warnings = [...app.panel.querySelectorAll('.warnings li, .note')].map((w) => w.textContent.trim()).filter(Boolean);
  return [
    `${t.imageYear}: ${year}`,
    ...warnings.map((w) => `${t.imageWarning}: ${w}`),
    app.footer.textContent,
    shareUrl(app, BASE),
  ];
}
