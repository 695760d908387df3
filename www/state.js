// The view as a value: what the URL holds and what the embed's attributes set. Parsing is
// strict, since a shared link is outside input: a view with anything malformed, repeated or
// too long is refused whole, with a message the page shows, and never half-applied; parameters
// not the view's own (a tracker's, a portal's) are not read at all. The
// address holds the view only (ids from the catalog, a tab, a year), never a reader's data, so
// its length is bounded by the catalog whatever file is open.

export const TABS = ['province', 'table', 'chart', 'map', 'profile', 'sources', 'add'];
export const LANGS = ['vi', 'en'];
export const SCHEMES = ['p63', 'p34'];

/**
 * The longest query string accepted. A usual view needs a few hundred characters; every
 * province and indicator of the catalog at once needs under 5 000; servers commonly refuse
 * request lines over 8 KB.
 */
export const MAX_QUERY_LENGTH = 7000;
/** The most ids in one list: the engine's own limit per request. */
const MAX_ITEMS = 400;
const PARAMETERS = ['lang', 'tab', 'scheme', 'period', 'perCapita', 'focus', 'province', 'provinces', 'indicators', 'embed'];
const PROVINCE = /^p(63|34):\d{2}$/;
const INDICATOR = /^[a-z][a-z0-9_]{0,79}$/;
const PERIOD = /^(latest|\d{4})$/;

/**
 * @typedef {{
 *   lang: 'vi'|'en', tab: string, provinces: string[], indicators: string[],
 *   period: string, scheme: 'p63'|'p34', perCapita: boolean,
 *   focus: string|null, province: string|null
 * }} ViewState
 */

/** @returns {ViewState} */
export function emptyState() {
  return {
    lang: 'vi', tab: 'table', provinces: [], indicators: [], period: 'latest', scheme: 'p63',
    perCapita: false, focus: null, province: null,
  };
}

function list(text, pattern, name, problems) {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length > MAX_ITEMS) {
    problems.push({ key: 'tooMany', name });
    return [];
  }
  if (!items.every((item) => pattern.test(item))) problems.push({ key: 'badValue', name });
  if (new Set(items).size !== items.length) problems.push({ key: 'repeatedItem', name });
  return items;
}

/**
 * Reads a view from URL parameters (or element attributes given as a plain object). With any
 * problem the state is empty: the caller applies a view whole or not at all.
 * @param {URLSearchParams|Record<string,string|null>} source
 * @returns {{state: Partial<ViewState>, problems: {key: string, name?: string}[]}}
 */
export function parseState(source) {
  const params = source instanceof URLSearchParams ? source : new URLSearchParams(
    Object.entries(source).filter(([, v]) => v != null),
  );
  const problems = [];
  if (params.toString().length > MAX_QUERY_LENGTH) {
    return { state: {}, problems: [{ key: 'tooLong' }] };
  }
  /** @type {Partial<ViewState>} */
  const state = {};
  const one = (name, allowed, apply) => {
    const value = params.get(name);
    if (value == null || value === '') return;
    if (allowed(value)) apply(value);
    else problems.push({ key: 'badValue', name });
  };
  one('lang', (v) => LANGS.includes(v), (v) => { state.lang = v; });
  one('tab', (v) => TABS.includes(v), (v) => { state.tab = v; });
  one('scheme', (v) => SCHEMES.includes(v), (v) => { state.scheme = v; });
  one('period', (v) => PERIOD.test(v), (v) => { state.period = v; });
  one('perCapita', (v) => v === '1' || v === '0', (v) => { state.perCapita = v === '1'; });
  one('focus', (v) => INDICATOR.test(v), (v) => { state.focus = v; });
  one('province', (v) => PROVINCE.test(v), (v) => { state.province = v; });
  const provinces = params.get('provinces');
  if (provinces) state.provinces = list(provinces, PROVINCE, 'provinces', problems);
  const indicators = params.get('indicators');
  if (indicators) state.indicators = list(indicators, INDICATOR, 'indicators', problems);
  // Only the view's own parameters are read: any other is left alone, as what a link's way to
  // the reader added (`fbclid` from Facebook, `zarsrc` from Zalo, `utm_*`) or a portal's own.
  const seen = new Set();
  for (const key of params.keys()) {
    if (PARAMETERS.includes(key) && seen.has(key)) problems.push({ key: 'repeated', name: key });
    seen.add(key);
  }
  return problems.length ? { state: {}, problems } : { state, problems };
}

/** Writes a view as URL parameters, leaving out what is at its default. */
export function serializeState(state) {
  const params = new URLSearchParams();
  if (state.lang !== 'vi') params.set('lang', state.lang);
  if (state.tab !== 'table') params.set('tab', state.tab);
  if (state.scheme !== 'p63') params.set('scheme', state.scheme);
  if (state.period !== 'latest') params.set('period', state.period);
  if (state.perCapita) params.set('perCapita', '1');
  if (state.provinces.length) params.set('provinces', state.provinces.join(','));
  if (state.indicators.length) params.set('indicators', state.indicators.join(','));
  if (state.focus) params.set('focus', state.focus);
  if (state.province) params.set('province', state.province);
  return params.toString().replaceAll('%3A', ':').replaceAll('%2C', ',');
}
