// The proposed figures, one card each: the figure as read, its quote, and the person's
// choices (indicator, period, qualifier, target) with Accept and Reject. The engine ranks the
// suggestions; this module lists them first and lets the person search for any other.
import { compareText, formatNumber, qualifierCodes, searchKey, unitHeading } from '../format.js';
import { indicatorName, messages } from '../i18n.js';
import { addReportWords } from '../i18n/add-report.js';

/**
 * @typedef {{status: 'accepted'|'rejected'|null, indicator: string, period: string,
 *   qualifier: string, isTarget: boolean, search: string, problem: string|null}} Decision
 */

/** The decision a candidate starts with: the engine's reading and its best suggestion. */
export function initialDecision(candidate) {
  return {
    status: null,
    indicator: candidate.suggestions[0]?.indicator ?? '',
    period: candidate.period ?? '',
    qualifier: candidate.qualifier,
    isTarget: candidate.isTarget,
    search: '',
    problem: null,
  };
}

const SCALES = {
  vi: { 1e3: 'nghìn', 1e6: 'triệu', 1e9: 'tỷ', 1e12: 'nghìn tỷ', 1e15: 'triệu tỷ' },
  en: { 1e3: 'thousand', 1e6: 'million', 1e9: 'billion', 1e12: 'trillion', 1e15: 'quadrillion' },
};

/** More decimals than a report writes: a figure is shown with all of its own. */
const WRITTEN_DECIMALS = 10;

/** The figure as read, in the reader's language: `tối thiểu 30 %`, `4.822 triệu đồng`, `85/85`. */
function figureText(candidate, lang) {
  const t = addReportWords(lang);
  const qualifier = candidate.qualifier === 'exact' ? '' : `${t.qualifiers[candidate.qualifier]} `;
  // Every decimal the report wrote (an index's 0,4526), in the reader's number format.
  const number = candidate.outOf != null || candidate.upTo != null ? candidate.written : formatNumber(candidate.value, lang, WRITTEN_DECIMALS);
  const parts = [qualifier + number];
  if (SCALES[lang][candidate.scale]) parts.push(SCALES[lang][candidate.scale]);
  if (candidate.unit === 'vnd_billion' || candidate.unit === 'vnd_million') parts.push('đồng');
  else parts.push(unitHeading(candidate.unit, lang));
  // A count has no words.
  return parts.filter(Boolean).join(' ');
}

function labelled(text, control) {
  const label = document.createElement('label');
  const span = document.createElement('span');
  span.textContent = text;
  label.append(span, control);
  return label;
}

/**
 * @param {{candidates: import('../../pkg/ict_compare_full.js').Candidate[], decisions: Decision[],
 *   indicators: import('../../pkg/ict_compare.js').Indicator[], lang: 'vi'|'en',
 *   onChange: (index: number, patch: Partial<Decision>, commit: boolean) => void,
 *   onShow: (index: number, options?: {quiet?: boolean}) => void}} model
 */
export function renderCandidates({ candidates, decisions, indicators, lang, onChange, onShow }) {
  const t = addReportWords(lang);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const sorted = [...indicators].sort((a, b) => compareText(indicatorName(a, lang), indicatorName(b, lang), lang));
  const list = document.createElement('ol');
  list.className = 'candidates';
  candidates.forEach((candidate, index) => {
    const decision = decisions[index];
    const key = (name) => `c${index}-${name}`;
    const item = document.createElement('li');
    item.className = `candidate ${decision.status ?? ''}`.trim();
    item.dataset.index = String(index);

    const heading = document.createElement('p');
    heading.className = 'figure-line';
    const figure = document.createElement('strong');
    figure.lang = 'vi';
    figure.textContent = figureText(candidate, lang);
    heading.append(figure);
    if (candidate.counted) {
      const counted = document.createElement('span');
      counted.lang = 'vi';
      counted.textContent = ` ${candidate.counted}`;
      heading.append(counted);
    }
    if (decision.status) {
      const status = document.createElement('span');
      status.className = 'decision';
      status.textContent = ` (${t[decision.status]})`;
      heading.append(status);
    }
    const quote = document.createElement('q');
    quote.lang = 'vi';
    quote.textContent = candidate.quote;

    const select = document.createElement('select');
    select.dataset.key = key('indicator');
    select.append(new Option(t.chooseIndicator, '', false, !decision.indicator));
    const suggested = document.createElement('optgroup');
    suggested.label = t.suggested;
    for (const s of candidate.suggestions) {
      const indicator = byId.get(s.indicator);
      if (indicator) suggested.append(new Option(`${indicatorName(indicator, lang)} (${t.score(s.score)})`, s.indicator, false, s.indicator === decision.indicator));
    }
    if (suggested.children.length) select.append(suggested);
    const all = document.createElement('optgroup');
    all.label = t.allIndicators;
    const wanted = searchKey(decision.search);
    for (const indicator of sorted) {
      const name = indicatorName(indicator, lang);
      const chosen = indicator.id === decision.indicator;
      if (!chosen && wanted && !searchKey(`${name} ${indicator.id}`).includes(wanted)) continue;
      all.append(new Option(name, indicator.id, false, chosen && !candidate.suggestions.some((s) => s.indicator === indicator.id)));
    }
    select.append(all);
    select.addEventListener('change', () => onChange(index, { indicator: select.value, problem: null }, decision.status === 'accepted'));

    const search = document.createElement('input');
    search.type = 'search';
    search.value = decision.search;
    search.dataset.key = key('search');
    search.addEventListener('change', () => onChange(index, { search: search.value }, false));

    const period = document.createElement('input');
    period.type = 'text';
    period.inputMode = 'numeric';
    period.size = 10;
    period.value = decision.period;
    period.dataset.key = key('period');
    period.addEventListener('change', () => onChange(index, { period: period.value.trim() }, decision.status === 'accepted'));

    const qualifier = document.createElement('select');
    qualifier.dataset.key = key('qualifier');
    for (const q of qualifierCodes()) qualifier.append(new Option(t.qualifiers[q], q, false, q === decision.qualifier));
    qualifier.addEventListener('change', () => onChange(index, { qualifier: qualifier.value }, decision.status === 'accepted'));

    const target = document.createElement('input');
    target.type = 'checkbox';
    target.checked = decision.isTarget;
    target.dataset.key = key('target');
    target.addEventListener('change', () => onChange(index, { isTarget: target.checked }, decision.status === 'accepted'));
    const targetLabel = document.createElement('label');
    targetLabel.className = 'check';
    targetLabel.append(target, ` ${t.isTarget}`);

    const controls = document.createElement('div');
    controls.className = 'choices';
    controls.append(labelled(t.indicator, select), labelled(t.searchIndicator, search), labelled(t.period, period), labelled(t.qualifier, qualifier), targetLabel);

    const actions = document.createElement('div');
    actions.className = 'actions';
    const button = (text, name, status) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = text;
      b.dataset.key = key(name);
      b.setAttribute('aria-pressed', String(decision.status === status));
      b.addEventListener('click', () => onChange(index, { status: decision.status === status ? null : status, problem: null }, true));
      return b;
    };
    const show = document.createElement('button');
    show.type = 'button';
    show.textContent = t.showInText;
    show.dataset.key = key('show');
    show.addEventListener('click', () => onShow(index));
    actions.append(button(t.accept, 'accept', 'accepted'), button(t.reject, 'reject', 'rejected'), show);
    const problem = document.createElement('p');
    problem.className = 'problem';
    problem.setAttribute('aria-live', 'polite');
    problem.textContent = decision.problem ?? '';

    item.append(heading, quote, controls, actions, problem);
    item.addEventListener('focusin', () => onShow(index, { quiet: true }));
    list.append(item);
  });
  return list;
}
