// Every figure of the dataset in one table: province, indicator, period, value, source, and the
// report's own words behind each number.
import { formatPeriod, formatValue } from '../format.js';
import { messages } from '../i18n.js';

/**
 * @typedef {import('../../pkg/ict_compare.js').ObservationList} ObservationList
 * @param {HTMLElement} container
 * @param {{list: ObservationList, lang: 'vi'|'en'}} model
 */
export function render(container, { list, lang }) {
  const t = messages(lang);
  const indicators = new Map(list.indicators.map((i) => [i.id, i]));
  const provinces = new Map(list.provinces.map((p) => [p.id, p]));
  const sources = new Map(list.sources.map((s) => [s.id, s]));

  const summary = document.createElement('p');
  summary.className = 'summary';
  summary.dataset.count = String(list.total);
  summary.textContent = t.summary(list.total, list.sources.length);

  const table = document.createElement('table');
  table.className = 'observations';
  const head = table.createTHead().insertRow();
  for (const label of [t.province, t.indicator, t.period, t.value, t.source]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const o of list.observations) {
    const indicator = indicators.get(o.indicator);
    const row = body.insertRow();
    row.dataset.id = o.id;
    row.insertCell().textContent = provinces.get(o.province)?.name ?? o.province;
    const name = row.insertCell();
    name.textContent = lang === 'vi' ? indicator.nameVi : indicator.nameEn;
    if (o.scope !== 'province') name.textContent += ` (${o.scope})`;
    row.insertCell().textContent = formatPeriod(o.period) + (o.isTarget ? ` (${t.target})` : '');
    const value = row.insertCell();
    value.className = 'number';
    value.textContent = formatValue(o, indicator.unit, lang);
    value.title = `${t.quote}: “${o.quote}”`;
    const source = sources.get(o.source);
    row.insertCell().textContent = source ? `${source.outlet}, ${formatPeriod(source.published)}` : o.source;
  }
  container.replaceChildren(summary, table);
}
