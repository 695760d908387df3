// Where a reader's figure and a published one exist for the same province, indicator and
// period: a notice listing each pair, both figures marked, so that neither hides the other.
// The engine finds the pairs (`conflicts` of a comparison, `conflicts` of a province view);
// this file words and draws them.
import { formatValue } from '../format.js';
import { indicatorName, messages } from '../i18n.js';

/**
 * @param {import('../types/engine').Conflict[]} conflicts
 * @param {{indicators: Map<string, any>, sources: Map<string, any>, lang: 'vi'|'en'}} context
 * @returns {HTMLElement | null} the notice, or null when there is no conflict
 */
export function conflictNotice(conflicts, { indicators, sources, lang }) {
  if (!conflicts?.length) return null;
  const t = messages(lang);
  const notice = document.createElement('div');
  notice.className = 'conflicts';
  notice.setAttribute('role', 'status');
  const title = document.createElement('p');
  title.className = 'conflicts-title';
  title.textContent = t.conflicts.title;
  const list = document.createElement('ul');
  for (const conflict of conflicts) {
    const indicator = indicators.get(conflict.indicator);
    const where = [
      conflict.provinceName,
      indicator ? indicatorName(indicator, lang) : conflict.indicator,
      conflict.scope === 'province' ? '' : conflict.scope,
      conflict.period,
    ].filter(Boolean).join(', ');
    const item = document.createElement('li');
    item.dataset.province = conflict.province;
    item.dataset.indicator = conflict.indicator;
    item.dataset.period = conflict.period;
    const mine = figure('user', `◆ ${t.conflicts.mine}`, conflict.user, indicator, sources, lang);
    const published = figure('published', t.conflicts.published, conflict.published, indicator, sources, lang);
    item.append(`${where}: `, mine, '; ', published);
    list.append(item);
  }
  notice.append(title, list);
  return notice;
}

/** The published figure beside a reader's in a table cell: "published: 0,6274". */
export function publishedBeside(conflict, indicator, lang) {
  const t = messages(lang);
  const beside = document.createElement('span');
  beside.className = 'published-beside';
  beside.textContent = `${t.conflicts.published}: ${valueText(conflict.published, indicator, lang)}`;
  return beside;
}

function figure(kind, label, shown, indicator, sources, lang) {
  const from = shown.sources.map((id) => {
    const source = sources.get(id);
    if (!source) return id;
    return source.origin === 'user' ? source.file || id : source.outlet || source.title;
  });
  const part = document.createElement('span');
  part.className = `conflict-${kind}`;
  part.dataset.mark = shown.mark;
  part.textContent = `${label}: ${valueText(shown, indicator, lang)} (${from.join(', ')})`;
  return part;
}

/** @param {import('../types/engine').ViewFigure} shown */
function valueText(shown, indicator, lang) {
  if (shown.value == null) return '–';
  return formatValue({ value: shown.value, qualifier: shown.qualifier }, indicator?.unit ?? '', lang);
}
