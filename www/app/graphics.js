// The chart and map tabs, loaded on demand with their boundaries, and their image
// downloads.
// Each function takes the App (www/app.js) whose frame it draws.
import { offer } from '../download.js';
import { formatNumber, formatPeriod, formatValue } from '../format.js';
import { indicatorName, messages } from '../i18n.js';
import { mineWords } from '../i18n/mine.js';
import { unitLabel, warningList } from '../views/table.js';
import { emptyNote } from './tabs.js';
import { BASE } from '../base.js';
import { shareUrl } from '../share.js';
import { focusIndicator } from './focus.js';

export function focusSelect(app) {
  const t = messages(app.state.lang);
  const label = document.createElement('label');
  label.className = 'focus';
  label.textContent = `${t.indicator} `;
  const select = document.createElement('select');
  select.name = 'focus';
  const focus = focusIndicator(app);
  for (const id of app.state.indicators) {
    select.append(new Option(indicatorName(app.indicators.get(id), app.state.lang), id, false, id === focus));
  }
  select.addEventListener('change', () => app.update({ focus: select.value }));
  label.append(select);
  return label;
}

export async function renderChartTab(app) {
  const t = messages(app.state.lang);
  const focus = focusIndicator(app);
  if (!focus) {
    app.panel.replaceChildren(Object.assign(document.createElement('p'), { textContent: t.chartNeedsIndicator }));
    return;
  }
  const token = (app.renderToken = Symbol('chart'));
  const indicator = app.indicators.get(focus);
  const spec = { ...app.compareSpec(), indicators: [focus], perCapita: app.state.perCapita && app.perCapitaApplies([focus]) };
  const matrix = app.dataset.compare(spec);
  const unit = matrix.columns[0]?.unit ?? indicator.unit;
  const lines = [];
  for (const row of matrix.rows) {
    const series = app.dataset.series({ province: row.province, indicator: focus, perCapita: spec.perCapita });
    const points = series.points.filter((p) => p.value != null).map((p) => ({ period: p.period, value: p.value, qualifier: p.qualifier }));
    if (points.length) lines.push({ id: row.province, label: app.provinces.get(row.province)?.name ?? row.province, points });
  }
  const bars = matrix.rows
    .map((row) => ({ row, cell: row.cells[0] }))
    .filter(({ cell }) => cell && cell.value != null)
    .sort((a, b) => (indicator.better === 'lower' ? a.cell.value - b.cell.value : b.cell.value - a.cell.value))
    .map(({ row, cell }) => ({
      id: row.province,
      label: app.provinces.get(row.province)?.name ?? row.province,
      value: cell.value,
      qualifier: cell.qualifier,
      period: cell.period,
      derived: Boolean(cell.derived),
      best: cell.best,
      user: cell.origin === 'user',
    }));
  const kind = lines.some((l) => l.points.length > 1) ? 'lines' : 'bars';
  const container = document.createElement('div');
  container.className = 'chart-container';
  const warnings = warningList(matrix.warnings, app.indicators, app.state.lang);
  const timeline = await focusTimeline(app, focus);
  if (token !== app.renderToken) return;
  if (!bars.length && !lines.length) {
    // Nothing to draw for this year: say so, and offer no image of an empty chart.
    app.panel.replaceChildren(focusSelect(app), timeline, emptyNote(app));
    return;
  }
  app.panel.replaceChildren(focusSelect(app), timeline, ...(warnings ? [warnings] : []), container);
  const { render } = await import('../views/chart.js');
  if (token !== app.renderToken) return;
  const title = indicatorName(indicator, app.state.lang);
  app.currentImage = render(container, {
    caption: () => sourceLine(app),
    kind,
    lang: app.state.lang,
    title,
    unitLabel: unitLabel(unit, indicator, app.state.lang),
    bars,
    lines,
    year: chosenYear(app, focus),
    formatValue: (value, qualifier) => formatValue({ value, qualifier }, unit, app.state.lang),
    onSelect: (id) => app.update({ tab: 'profile', province: id }),
  });
  app.currentImageName = `ict-compare-${focus}`;
  offerImage(app);
}

/** The focus indicator's years (the engine's coverage), oldest first. */
function focusYears(app, focus) {
  const years = (app.coverage.get(focus)?.periods ?? []).map((p) => Number(String(p).slice(0, 4)));
  return years.filter((y, i) => Number.isInteger(y) && years.indexOf(y) === i).sort((a, b) => a - b);
}

/** The year the chart and the map show: the one chosen, or the focus indicator's latest. */
function chosenYear(app, focus) {
  return app.state.period === 'latest' ? (focusYears(app, focus).at(-1) ?? null) : Number(app.state.period);
}

/**
 * The timeline of "My province", shared by the chart and the map: one year for the whole view
 * (the address's `period`), so that the one follows the other.
 */
async function focusTimeline(app, focus) {
  const { timeline } = await import('../views/province-parts.js');
  return timeline(focusYears(app, focus), app.state.period, app.state.lang, (year) => {
    // The new panel's slider takes the focus once drawn, so that the keys go on moving it.
    Promise.resolve(app.update({ period: String(year) })).then(() => app.panel.querySelector('[role=slider]')?.focus());
  });
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

export async function renderMapTab(app) {
  const t = messages(app.state.lang);
  const token = (app.renderToken = Symbol('map'));
  const focus = focusIndicator(app);
  let scheme = app.state.scheme;
  let values = [];
  /** @type {'indicator' | 'rank'} */
  let mode = 'indicator';
  let title = t.mapDti;
  let legendTitle = t.mapDtiLegend;
  let note = '';
  if (focus) {
    const ranking = app.dataset.rank({
      indicator: focus,
      period: app.state.period === 'latest' ? 'latest' : Number(app.state.period),
      scheme,
      perCapita: app.state.perCapita && app.perCapitaApplies([focus]),
    });
    const indicator = app.indicators.get(focus);
    const unit = ranking.unit;
    values = ranking.entries.map((e) => ({
      id: e.province,
      label: app.provinces.get(e.province)?.name ?? e.province,
      value: e.figure.value,
      display: `${formatValue(e.figure, unit, app.state.lang)} (${formatPeriod(e.figure.period)})`,
    }));
    title = indicatorName(indicator, app.state.lang);
    legendTitle = unitLabel(unit, indicator, app.state.lang) || title;
  }
  if (focus && values.length < 3) {
    // Never another indicator under the chosen one's name: say why this one cannot be mapped.
    const refusal = document.createElement('p');
    refusal.className = 'empty-state map-refused';
    refusal.setAttribute('role', 'status');
    refusal.textContent = t.mapTooFew(indicatorName(app.indicators.get(focus), app.state.lang), values.length);
    // The timeline stays, so that another year can be mapped from here.
    const timeline = await focusTimeline(app, focus);
    if (token !== app.renderToken) return;
    app.panel.replaceChildren(...(app.state.indicators.length ? [focusSelect(app)] : []), timeline, refusal);
    return;
  }
  if (values.length < 3) {
    mode = 'rank';
    title = t.mapDti;
    legendTitle = t.mapDtiLegend;
    if (scheme === 'p34') {
      scheme = 'p63';
      note = t.mapDti34;
    }
    values = app.catalog.dti.map((d) => ({
      id: d.province,
      label: app.provinces.get(d.province)?.name ?? d.province,
      value: d.rank,
      display: `${t.rank} ${formatNumber(d.rank, app.state.lang)}`,
    }));
  }
  const container = document.createElement('div');
  container.className = 'map-container';
  const parts = [];
  if (app.state.indicators.length) parts.push(focusSelect(app));
  if (note) parts.push(Object.assign(document.createElement('p'), { className: 'note', textContent: note }));
  const [{ render }, topology, timeline] = await Promise.all([
    import('../views/map.js'),
    boundaries(app, scheme),
    mode === 'indicator' && focus ? focusTimeline(app, focus) : null,
  ]);
  if (token !== app.renderToken) return;
  // The same timeline as "My province" and the chart: the map follows the year.
  if (timeline) parts.push(timeline);
  app.panel.replaceChildren(...parts, container);
  const names = Object.fromEntries(app.catalog.provinces.filter((p) => p.id.startsWith(scheme)).map((p) => [p.id, p.name]));
  app.currentImage = render(container, {
    caption: () => sourceLine(app),
    lang: app.state.lang,
    scheme,
    topology,
    title,
    legendTitle,
    values,
    names,
    mode,
    noDataLabel: t.noData,
    attribution: t.attribution,
    onSelect: (id) => app.update({ tab: 'profile', province: id }),
  });
  app.currentImageName = `ict-compare-map-${focus ?? 'dti'}`;
  offerImage(app);
}

export function boundaries(app, scheme) {
  app.topologies ??= new Map();
  if (!app.topologies.has(scheme)) {
    const url = new URL(`boundaries/vn${scheme.slice(1)}_odm.topojson`, BASE);
    app.topologies.set(scheme, fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url.pathname}: ${r.status}`);
      return r.json();
    }));
  }
  return app.topologies.get(scheme);
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
 */
export function sourceLine(app) {
  const t = messages(app.state.lang);
  const year = app.state.period === 'latest' ? mineWords(app.state.lang).latest : app.state.period;
  const warnings = [...app.panel.querySelectorAll('.warnings li, .note')].map((w) => w.textContent.trim()).filter(Boolean);
  return [
    `${t.imageYear}: ${year}`,
    ...warnings.map((w) => `${t.imageWarning}: ${w}`),
    app.footer.textContent,
    shareUrl(app, BASE),
  ];
}
