// Small parts of the province view: an element maker that only ever sets text and attributes
// (never markup), and the timeline shared by the ranking, the map and the series.
import { messages } from '../i18n.js';
import { mineWords } from '../i18n/mine.js';

/**
 * An element with attributes (text values only) and children (nodes or text).
 * @param {string} tag @param {Record<string, string>} attributes @param {...(Node|string)} children
 */
export function node(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== '') element.setAttribute(name, value);
  element.append(...children.filter((c) => c !== '' && c != null));
  return element;
}

/**
 * The years the engine offers, as a slider: arrows move a year, Home goes to the first, End to
 * the latest (the default), and a click on a year picks it.
 * `latestShown` is the year the engine shows for `latest` when it is not the last of `years`
 * (the map's latest year that has a map); that stop stands for `latest`.
 * @param {number[]} years oldest first @param {string} period `latest` or a year
 * @param {'vi'|'en'} lang @param {(year: number|'latest') => void} onYear
 * @param {number|null} [latestShown]
 */
export function timeline(years, period, lang, onYear, latestShown = null) {
  const t = messages(lang);
  const wrap = node('div', { class: 'timeline' });
  if (!years.length) return wrap;
  const latest = latestShown ?? years[years.length - 1];
  const current = period === 'latest' ? latest : Number(period);
  const index = Math.max(0, years.indexOf(current));
  const slider = node('div', {
    role: 'slider', tabindex: '0', class: 'timeline-slider',
    'aria-label': mineWords(lang).timeline,
    'aria-valuemin': String(years[0]), 'aria-valuemax': String(latest), 'aria-valuenow': String(years[index]),
    'aria-valuetext': period === 'latest' ? `${years[index]} (${mineWords(lang).latest})` : String(years[index]),
  });
  years.forEach((year, i) => {
    const stop = node('span', { class: i === index ? 'stop current' : 'stop', 'data-year': String(year) }, String(year));
    stop.addEventListener('click', () => onYear(year === latest ? 'latest' : year));
    slider.append(stop);
  });
  slider.addEventListener('keydown', (event) => {
    const to = { ArrowLeft: index - 1, ArrowDown: index - 1, ArrowRight: index + 1, ArrowUp: index + 1, Home: 0, End: years.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const year = years[Math.min(years.length - 1, Math.max(0, to))];
    if (year !== years[index]) onYear(year === latest ? 'latest' : year);
  });
  wrap.append(node('span', { class: 'timeline-label' }, `${mineWords(lang).timeline}: `), slider);
  return wrap;
}
