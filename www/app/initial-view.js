// The view a page opens with: the defaults, then the element's attributes, then (with
// sync-url) the address, each checked against the catalog.
import { emptyState, parseState } from '../state.js';

/**
 * What the page shows with no state: the engine's choice (the reported provinces, most figures
 * first, on the indicators they share).
 */
function defaults(app) {
  const { provinces, indicators } = app.catalog.initial;
  return { ...emptyState(), provinces: [...provinces], indicators: [...indicators] };
}

/**
 * Defaults, then the element's attributes, then (with sync-url) the address. Each of the
 * two is applied whole or not at all: one bad part (a malformed or unknown id, a repeated
 * parameter, too long) sets none of it, and the notice says what was wrong.
 */
export function initialView(app) {
  app.problems = [];
  let state = defaults(app);
  for (const layer of layers(app)) {
    const problems = [...layer.problems, ...unknownIds(app, layer.state)];
    if (problems.length) app.problems.push(...problems);
    else state = { ...state, ...tabOf(layer.state), ...layer.state };
  }
  // A compact element (`view="summary" | "chart" | "map"`) shows one view, without controls.
  const compact = COMPACT_TABS[app.host.getAttribute('view') ?? ''];
  if (compact) state = { ...state, tab: compact };
  return checked(app, state);
}

/**
 * The tab the page opens on, as far as it is known before the catalog (whose ids are not
 * checked here): which engine to fetch first (engine.js). Should an unknown id then set a
 * layer aside, the page opens on another tab, which either engine can still be asked for.
 */
export function startingTab(app) {
  const compact = COMPACT_TABS[app.host.getAttribute('view') ?? ''];
  if (compact) return compact;
  let tab = 'table';
  for (const layer of layers(app)) {
    if (!layer.problems.length) tab = { tab, ...tabOf(layer.state), ...layer.state }.tab;
  }
  return tab;
}

/** The element's attributes, then (with sync-url) the address, each parsed. */
function layers(app) {
  /** @type {Record<string, string>} */
  const attributes = {};
  for (const name of ['provinces', 'indicators', 'lang', 'tab', 'period', 'scheme', 'focus', 'province']) {
    if (app.host.hasAttribute(name)) attributes[name] = app.host.getAttribute(name);
  }
  if (app.host.hasAttribute('per-capita')) attributes.perCapita = '1';
  const parsed = [parseState(attributes)];
  if (app.syncUrl) parsed.push(parseState(new URLSearchParams(location.search)));
  return parsed;
}

/** A portal that names its province and no tab opens on that province. */
function tabOf(state) {
  return state.province && !state.tab ? { tab: 'province' } : {};
}

/** The tab each compact view shows. */
export const COMPACT_TABS = { summary: 'province', chart: 'chart', map: 'map' };

/** Ids of a parsed view that the catalog does not know. */
function unknownIds(app, state) {
  return [
    ...(state.provinces ?? []).filter((p) => !app.provinces.has(p)).map((name) => ({ key: 'unknownProvince', name })),
    ...[state.province].filter((p) => p && !app.provinces.has(p)).map((name) => ({ key: 'unknownProvince', name })),
    ...[...(state.indicators ?? []), state.focus].filter((i) => i && !app.indicators.has(i)).map((name) => ({ key: 'unknownIndicator', name })),
  ];
}

/** The view's provinces in its scheme, and only ids the catalog knows. */
function checked(app, state) {
  return {
    ...state,
    provinces: app.toScheme(state.provinces, state.scheme),
    indicators: state.indicators.filter((i) => app.indicators.has(i)),
    focus: state.focus && app.indicators.has(state.focus) ? state.focus : null,
    province: state.province && app.provinces.has(state.province) ? state.province : null,
  };
}
